/**
 * Preloaded into a process to profile (`NODE_OPTIONS=--import=<this file>`, where `--cpu-prof`
 * itself is not allowed): records a CPU profile from start to exit and writes it to
 * `$CPU_PROFILE_DIR/<pid>.cpuprofile`, for Chrome's DevTools or bench/profileSummary.ts.
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
session.post('Profiler.start');
process.on('exit', () => {
  // An in-process session answers synchronously, so the profile is written before the process ends.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
