import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';

/** Each section as "kind: its children's types and text", line breaks shown as " / ", for whole-structure assertions. */
export function sectionOutline(m: ManuscriptJson): string[] {
  return m.sections.map((section) => `${section.kind}: ${(section.content.content![0].content ?? []).map((c) => `${c.type}(${jsonText(c).replace(/\n/g, ' / ')})`).join(' ')}`);
}
