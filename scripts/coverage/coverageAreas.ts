import { EXPORT_MODULES, HISTORY_MODULES, IMPORT_MODULES } from '../mutation/mutatedModules.mjs';

/** Line totals of one file, as c8's json-summary reports them. */
export interface FileLines {
  total: number;
  covered: number;
}

/** A named group of files whose line coverage is reported together. */
export interface CoverageArea {
  name: string;
  /** Paths relative to the project root; a path ending in `/` is a folder. */
  paths: string[];
}

/** The modules mutation testing covers (scripts/mutation/*.stryker.mjs), then each server folder, the model and the components. */
export const COVERAGE_AREAS: CoverageArea[] = [
  { name: 'import structure detection (mutation-tested modules)', paths: IMPORT_MODULES.map(fileOnly) },
  { name: 'history (mutation-tested modules)', paths: HISTORY_MODULES.map(fileOnly) },
  { name: 'export escaping (mutation-tested modules)', paths: EXPORT_MODULES.map(fileOnly) },
  { name: 'server/import', paths: ['server/import/'] },
  { name: 'server/revisions', paths: ['server/revisions/'] },
  { name: 'server/export', paths: ['server/export/'] },
  { name: 'server/sync', paths: ['server/sync/'] },
  { name: 'server/live', paths: ['server/live/'] },
  { name: 'server/persistence', paths: ['server/persistence/'] },
  { name: 'server/access', paths: ['server/access/'] },
  { name: 'server/auth', paths: ['server/auth/'] },
  { name: 'server/manuscripts', paths: ['server/manuscripts/'] },
  { name: 'server/http, config, web', paths: ['server/http/', 'server/config/', 'server/web/', 'server/db.ts'] },
  { name: 'model (document model, schema, shared types)', paths: ['model/'] },
  { name: 'components (.ts helpers)', paths: ['components/'] },
];

/** Lines covered and total per area, from per-file totals keyed by path relative to the root. */
export function linesByArea(files: Record<string, FileLines>): Array<{ name: string; covered: number; total: number; files: number }> {
  return COVERAGE_AREAS.map((area) => {
    const matching = Object.entries(files).filter(([file]) => area.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
    return {
      name: area.name,
      files: matching.length,
      covered: matching.reduce((sum, [, lines]) => sum + lines.covered, 0),
      total: matching.reduce((sum, [, lines]) => sum + lines.total, 0),
    };
  });
}

/** A mutated module's file, without the line range Stryker may be given (`file.ts:1-27`). */
function fileOnly(module: string): string {
  return module.replace(/:\d+-\d+$/, '');
}
