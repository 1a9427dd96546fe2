/**
 * The pinned half of the export benchmark (see exportLargeBook.ts): stores a 120,000-word book in
 * a temporary database, laid out in sections (a book document and one per chapter), and exports
 * it in every format as the export route does (load, rebuild the document, render), `runs` times
 * each, printing the timings as JSON. First it warms the PDF exporter as the app does when it
 * starts (instrumentation.ts), and times that. With `cold` as the second argument it instead
 * exports one PDF in this fresh process, unwarmed, and prints that time alone.
 */
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { manuscriptExporter } from '../server/export/manuscriptExporter';
import { warmPdfExporter } from '../server/export/warmPdfExporter';
import { EXPORT_FORMATS, type ExportFormat } from '@model/export/exportFormats';
import { countWords } from '@model/manuscript/countWords';
import { jsonText } from '@model/manuscript/jsonText';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { largeManuscript } from './largeManuscript';

const runs = Number(process.argv[2] ?? 5);
const cold = process.argv[3] === 'cold';
const database = await createTempDatabase();
const owner = await createAccount(database.prisma, 'Bench Writer');
const manuscript = largeManuscript();
const words = manuscript.sections.reduce((sum, section) => sum + countWords(jsonText(section.content)), 0);
const id = await manuscriptCreator(database.prisma, manuscript, { ownerId: owner.userId, layout: 'sections' });
if (cold) {
  const started = performance.now();
  await manuscriptExporter(database.prisma, id, 'pdf');
  const coldMs = performance.now() - started;
  await database.cleanup();
  process.stdout.write(`${JSON.stringify({ coldMs })}\n`);
  process.exit(0);
}
const warmUpMs = await warmPdfExporter();
const results: Record<string, { ms: number[]; bytes: number }> = {};
for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
  const ms: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const file = await manuscriptExporter(database.prisma, id, format);
    ms.push(performance.now() - started);
    bytes = file.bytes.byteLength;
  }
  results[format] = { ms, bytes };
}
await database.cleanup();
process.stdout.write(`${JSON.stringify({ words, warmUpMs, results })}\n`);
