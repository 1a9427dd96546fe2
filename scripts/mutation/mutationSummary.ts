import { mutantKey, replacementText, tally, type MutationReport, type ReportedFile, type ReportedMutant } from './mutationReport';

/** One area's last run: its report and when and how long it ran. */
export interface AreaRun {
  area: string;
  report: MutationReport;
  ranAt: string;
  seconds: number;
}

/** What the summary says about surviving mutants that have no note, and notes that match none. */
export interface SummaryResult {
  markdown: string;
  unexplained: string[];
  unusedNotes: string[];
}

const pad = (value: number) => String(value);
const percent = (value: number) => `${value.toFixed(1)} %`;

/** The mutated source of a mutant, on one line, shortened for a table. */
function original(file: ReportedFile, mutant: ReportedMutant): string {
  const lines = file.source.split('\n');
  const { start, end } = mutant.location;
  const text =
    start.line === end.line
      ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
      : [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join(' ');
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}…` : oneLine;
}

const cell = (text: string) => `\`${text.replace(/`/g, 'ˋ').replace(/\|/g, '\\|')}\``;

/**
 * docs/mutation/summary.md from the areas' reports: the score per module and per area, and every
 * mutant that survived (or that no test reached) with the note that explains it, from `notes`.
 */
export function mutationSummary(runs: AreaRun[], notes: Record<string, string>, strykerVersion: string): SummaryResult {
  const unexplained: string[] = [];
  const used = new Set<string>();
  const out: string[] = [
    '# Mutation testing: summary',
    '',
    `Written by \`npm run test:mutation\` (Stryker ${strykerVersion}, TAP runner, coverage per test file); do not edit by hand.`,
    'How it runs and what the figures mean: [docs/TESTING.md](../TESTING.md#mutation-testing).',
    '',
    '| area | module | mutants | killed | timed out | survived | no test reached | errors | score |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const survivorsOut: string[] = [];
  const all: ReportedMutant[] = [];
  for (const run of runs) {
    const areaMutants: ReportedMutant[] = [];
    for (const [file, reported] of Object.entries(run.report.files).sort(([a], [b]) => a.localeCompare(b))) {
      const t = tally(reported.mutants);
      out.push(`| ${run.area} | \`${file}\` | ${pad(t.total)} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.errors} | ${percent(t.score)} |`);
      areaMutants.push(...reported.mutants);
      const left = reported.mutants
        .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
        .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
      for (const mutant of left) {
        const key = mutantKey(file, mutant);
        const note = notes[key];
        if (note) used.add(key);
        else unexplained.push(key);
        survivorsOut.push(
          `| \`${file}:${mutant.location.start.line}:${mutant.location.start.column}\` | ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test reached it)' : ''} | ${cell(original(reported, mutant))} | ${cell(replacementText(mutant))} | ${note ?? '**not explained**'} |`,
        );
      }
    }
    const t = tally(areaMutants);
    out.push(`| **${run.area}** | all (ran ${run.ranAt.slice(0, 10)}, ${run.seconds < 90 ? `${Math.round(run.seconds)} s` : `${Math.round(run.seconds / 60)} min`}) | ${t.total} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.errors} | **${percent(t.score)}** |`);
    all.push(...areaMutants);
  }
  const t = tally(all);
  out.push(`| **all** | | ${t.total} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.errors} | **${percent(t.score)}** |`);
  out.push('', '## Surviving mutants', '');
  if (survivorsOut.length === 0) out.push('None: every mutant was killed by a test or timed out.');
  else {
    out.push('Each is explained in one line; the notes live in `scripts/mutation/survivorNotes.ts`.', '');
    out.push('| where | mutator | original | mutated to | why it survives |', '| --- | --- | --- | --- | --- |', ...survivorsOut);
  }
  out.push('');
  const unusedNotes = Object.keys(notes).filter((key) => !used.has(key));
  return { markdown: out.join('\n'), unexplained, unusedNotes };
}
