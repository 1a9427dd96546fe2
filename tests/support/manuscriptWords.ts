import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { manuscriptSchema } from '@model/schema';

/** A manuscript's whole text in reading order, title first. */
export function manuscriptText(manuscript: ManuscriptJson): string {
  return [manuscript.title, ...manuscript.sections.map((section) => jsonText(section.content))].join('\n');
}

/** Section kinds and contents normalised through the schema (so `content: []` equals no content). */
export function normalisedSections(manuscript: ManuscriptJson) {
  return manuscript.sections.map((section) => ({
    kind: section.kind,
    content: manuscriptSchema.nodeFromJSON(section.content).toJSON(),
  }));
}

/** Throws if any section does not fit the manuscript schema. */
export function checkSchema(manuscript: ManuscriptJson): void {
  for (const section of manuscript.sections) manuscriptSchema.nodeFromJSON(section.content).check();
}
