import JSZip from 'jszip';
import { languageTag } from '@model/manuscript/bookLanguage';

/** `w:val` of the first `<w:lang>` in some XML. */
function langIn(xml: string | undefined): string | undefined {
  if (!xml) return undefined;
  const value = /<w:lang\b[^>]*\bw:val="([^"]+)"/.exec(xml)?.[1];
  return languageTag(value);
}

/**
 * The language a Word document says its text is in: the Normal paragraph style, else the document
 * defaults (`w:docDefaults`), else the language most of its runs name. Undefined when it says none.
 */
export async function docxLanguage(bytes: Uint8Array): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file('word/styles.xml')?.async('string');
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles ?? '')?.[0];
  const normal = /<w:style\b[^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles ?? '')?.[0];
  // The Normal style is what body text uses, so it overrides the document defaults, as in Word.
  const stated = langIn(normal) ?? langIn(defaults);
  if (stated) return stated;
  const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const counts = new Map<string, number>();
  for (const [, value] of document.matchAll(/<w:lang\b[^>]*\bw:val="([^"]+)"/g)) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [most] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return most ? languageTag(most[0]) : undefined;
}
