// `npm run build` ends with this report: what each route of the app ships to the browser on its
// first load, raw and gzipped, from Next.js's own route statistics, and whether the writing room
// stays within its budget. Also written to .next/bundle-report.json for the benchmarks.
//   node --import tsx scripts/bundleReport.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The writing room's first-load JavaScript may not grow past this, gzipped (bytes). 300 KB until
 * suggesting mode came in (2 December 2026, 299.4 → 302.8 KB): its marks, mode and drawing are in
 * every editor, while the suggestions library and settling load on demand. 305 KB until find and
 * focus mode came in (3 December 2026, 304.9 → 305.5 KB): their buttons, shortcuts and loaders;
 * the find panel, the focus bar and focus mode's editor plugin load when first used. 306 KB until
 * targets came in (3 December 2026, 305.5 → 307.4 KB): the binder's target bars, the session
 * counter and its header chip; the Progress panel and its charts load when first opened.
 */
export const WRITING_ROOM_BUDGET_GZIP_BYTES = 308 * 1024;

/** One route's first load. */
export interface RouteBundle {
  route: string;
  chunks: number;
  bytes: number;
  gzipBytes: number;
  /** The largest chunk, gzipped. */
  largestChunkGzipBytes: number;
  /** The chunk files, relative to the project. */
  chunkPaths: string[];
}

/** Reads Next.js's route statistics of the last build and measures each route's chunks gzipped. */
export function bundleReport(root = process.cwd()): RouteBundle[] {
  const stats = JSON.parse(readFileSync(path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const content = readFileSync(path.join(root, chunk));
      size = { bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
      sizes.set(chunk, size);
    }
    return size;
  };
  return stats
    .map(({ route, firstLoadChunkPaths }) => {
      const chunkSizes = firstLoadChunkPaths.map(sizeOf);
      return {
        route,
        chunks: chunkSizes.length,
        bytes: chunkSizes.reduce((sum, size) => sum + size.bytes, 0),
        gzipBytes: chunkSizes.reduce((sum, size) => sum + size.gzipBytes, 0),
        largestChunkGzipBytes: Math.max(0, ...chunkSizes.map((size) => size.gzipBytes)),
        chunkPaths: firstLoadChunkPaths,
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const report = bundleReport();
  console.log('\nFirst-load JavaScript per route (gzipped, raw, largest chunk gzipped):');
  for (const route of report) console.log(`  ${route.route.padEnd(28)} ${kb(route.gzipBytes).padStart(10)} ${kb(route.bytes).padStart(10)} ${kb(route.largestChunkGzipBytes).padStart(10)}`);
  const routes = report.map(({ chunkPaths: _chunkPaths, ...sizes }) => sizes);
  writeFileSync(path.join(process.cwd(), '.next', 'bundle-report.json'), `${JSON.stringify({ budgetGzipBytes: WRITING_ROOM_BUDGET_GZIP_BYTES, routes }, null, 2)}\n`);
  const room = report.find((route) => route.route === '/m/[id]');
  if (room && room.gzipBytes > WRITING_ROOM_BUDGET_GZIP_BYTES) {
    console.error(`The writing room ships ${kb(room.gzipBytes)} gzipped on first load, over its budget of ${kb(WRITING_ROOM_BUDGET_GZIP_BYTES)}.`);
    process.exitCode = 1;
  } else if (room) console.log(`Writing room: ${kb(room.gzipBytes)} of its ${kb(WRITING_ROOM_BUDGET_GZIP_BYTES)} budget.`);
}
