import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { manuscriptExporter } from '../server/export/manuscriptExporter';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { largeManuscript } from './largeManuscript';
import { hyphenator } from '../server/export/hyphenation';
import { jsonText } from '@model/manuscript/jsonText';
const database = await createTempDatabase();
const owner = await createAccount(database.prisma, 'Bench Writer');
const m = largeManuscript();
const id = await manuscriptCreator(database.prisma, m, { ownerId: owner.userId, layout: 'sections' });
const mode = process.argv[2];
let t = performance.now();
if (mode === 'hyph') {
  const h = hyphenator('en')!;
  const words = new Set(m.sections.flatMap((s) => jsonText(s.content).split(/\s+/)));
  for (const w of words) h(w);
  console.log('hyphenate', words.size, 'distinct words', Math.round(performance.now() - t)); t = performance.now();
}
if (mode === 'md') { await manuscriptExporter(database.prisma, id, 'markdown'); console.log('markdown first', Math.round(performance.now() - t)); t = performance.now(); }
await manuscriptExporter(database.prisma, id, 'pdf');
console.log('pdf', Math.round(performance.now() - t));
await database.cleanup();
