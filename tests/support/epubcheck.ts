import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, mkdtempSync, openSync, readSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { killWithThisProcess } from './killWithThisProcess';
import { stopWhenDone } from './testScope';

/** Java starts slowly and EPUBCheck loads every schema it knows before it reads a byte. */
export const EPUBCHECK_TIMEOUT = 180_000;

/**
 * How to run EPUBCheck. Debian installs /usr/bin/epubcheck as a link to the jar itself, which only
 * runs directly where binfmt_misc hands jars to Java (not in most containers), so a jar is run with
 * `java -jar` instead.
 */
function epubcheckCommand(): string[] {
  const found = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'epubcheck'))
    .find((candidate) => {
      try {
        accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (!found) {
    assert.fail('EPUBCheck is not installed (`epubcheck` is not on PATH; on Debian: apt-get install epubcheck). Exported EPUBs cannot be validated without it.');
  }
  const real = realpathSync(found);
  const head = Buffer.alloc(2);
  const fd = openSync(real, 'r');
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  return real.endsWith('.jar') || head.toString('latin1') === 'PK' ? ['java', '-jar', real] : [real];
}

/**
 * Writes the EPUB to a temporary file and runs EPUBCheck on it: its exit code and all it printed.
 * A check still running when test `t` ends (it timed out or failed) is killed then.
 */
export async function epubcheck(t: TestContext, bytes: Uint8Array): Promise<{ code: number | null; output: string }> {
  const [command, ...args] = epubcheckCommand();
  const dir = mkdtempSync(path.join(tmpdir(), 'quire-epub-'));
  try {
    const file = path.join(dir, 'book.epub');
    writeFileSync(file, bytes);
    return await new Promise((resolve, reject) => {
      const child = spawn(command, [...args, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      killWithThisProcess(child);
      stopWhenDone(t, `EPUBCheck (pid ${child.pid})`, () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
      child.on('close', (code) => resolve({ code, output }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails unless EPUBCheck passes the EPUB with no error and no warning. */
export async function assertPassesEpubcheck(t: TestContext, bytes: Uint8Array): Promise<void> {
  const { code, output } = await epubcheck(t, bytes);
  assert.equal(code, 0, `EPUBCheck failed:\n${output}`);
  assert.doesNotMatch(output, /ERROR|FATAL/, `EPUBCheck reported errors:\n${output}`);
  assert.doesNotMatch(output, /WARNING/, `EPUBCheck reported warnings:\n${output}`);
  assert.match(output, /No errors or warnings detected/, output);
}
