import { existsSync, readFileSync } from 'node:fs';

/** One mutant as Stryker's JSON report (mutation-testing-report-schema) describes it. */
export interface ReportedMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
  killedBy?: string[];
}

/** A mutated file in the report: its source and its mutants. */
export interface ReportedFile {
  source: string;
  mutants: ReportedMutant[];
}

/** The parts of Stryker's JSON report the summary reads. */
export interface MutationReport {
  files: Record<string, ReportedFile>;
}

/** The report of one area's last run, or null if it has not been run here. */
export function readMutationReport(file: string): MutationReport | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MutationReport) : null;
}

/** A mutant's replacement on one line, as the summary and the notes quote it. */
export function replacementText(mutant: ReportedMutant): string {
  return (mutant.replacement ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The key a surviving mutant's note is filed under: where it is, what mutated, and into what.
 * Line and column make it precise; a change to the module moves them and the note must be
 * looked at again, which is the point.
 */
export function mutantKey(file: string, mutant: ReportedMutant): string {
  return `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} → ${replacementText(mutant)}`;
}

/** Counts by status, and Stryker's mutation score: detected (killed or timed out) over all valid mutants. */
export function tally(mutants: ReportedMutant[]) {
  const count = (status: ReportedMutant['status']) => mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const errors = count('CompileError') + count('RuntimeError');
  const valid = killed + timeout + survived + noCoverage;
  return { total: mutants.length, killed, timeout, survived, noCoverage, errors, score: valid === 0 ? 100 : ((killed + timeout) / valid) * 100 };
}
