import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createAuth } from '../../server/auth/createAuth';
import { verifySyncToken } from '../../server/access/syncToken';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { fileScope, stopWhenDone } from '../support/testScope';
import { killWithThisProcess } from '../support/killWithThisProcess';
import { createAccount, createOwnedManuscript } from '../support/members';

let database: TempDatabase;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

/** Calls the auth endpoints as a browser at `ip` would. */
function authRequest(path: string, body: unknown, ip = '203.0.113.7', cookie?: string): Request {
  return new Request(`http://localhost:3000/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

test('sign-up starts a session in an httpOnly cookie; sign-out ends it', async () => {
  const auth = createAuth(database.prisma);
  const response = await auth.handler(authRequest('/sign-up/email', { name: 'New Writer', email: 'new@example.test', password: 'a-long-password' }, '198.51.100.1'));
  assert.equal(response.status, 200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='))!;
  assert.match(cookie, /HttpOnly/i);
  const sessionCookie = cookie.split(';')[0];
  const session = await auth.api.getSession({ headers: new Headers({ cookie: sessionCookie }) });
  assert.equal(session?.user.email, 'new@example.test');
  const signOut = await auth.handler(authRequest('/sign-out', {}, '198.51.100.1', sessionCookie));
  assert.equal(signOut.status, 200);
  assert.equal(await auth.api.getSession({ headers: new Headers({ cookie: sessionCookie }) }), null);
});

test('a wrong password gets a clear error, and repeated attempts are rate limited per address', async () => {
  const auth = createAuth(database.prisma);
  const account = await createAccount(database.prisma, 'Target');
  const wrong = () => authRequest('/sign-in/email', { email: account.email, password: 'not-the-password' });
  const first = await auth.handler(wrong());
  assert.equal(first.status, 401);
  assert.equal(((await first.json()) as { code: string }).code, 'INVALID_EMAIL_OR_PASSWORD');
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await auth.handler(wrong())).status);
  assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
  // Another address is not locked out, and the right password still works from there.
  const elsewhere = await auth.handler(authRequest('/sign-in/email', { email: account.email, password: account.password }, '192.0.2.55'));
  assert.equal(elsewhere.status, 200);
});

test('`npm run token` prints a sync token for a member, and refuses a non-member', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Scripted');
  const stranger = await createAccount(database.prisma, 'Outsider');
  const run = (email: string) => {
    const running = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/token.ts', email, id], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    killWithThisProcess(running.child);
    stopWhenDone(t, `the token script (pid ${running.child.pid})`, () => {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    });
    return running;
  };
  const { stdout } = await run(owner.email);
  assert.equal(await verifySyncToken(stdout.trim(), id), owner.userId);
  await assert.rejects(run(stranger.email), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /is not a member of manuscript/);
    return true;
  });
});

test('a name must be 1 to 100 characters, at sign-up and when it is changed', async () => {
  const auth = createAuth(database.prisma);
  const signUp = (name: unknown, email: string) => auth.handler(authRequest('/sign-up/email', { name, email, password: 'a-long-password' }, '198.51.100.9'));
  for (const name of ['x'.repeat(101), '   ', 'x'.repeat(1_000_000)]) {
    const refused = await signUp(name, `refused-${name.length}@example.test`);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { code: string }).code, 'INVALID_NAME');
  }
  assert.equal(await database.prisma.user.count({ where: { email: { startsWith: 'refused-' } } }), 0);
  const accepted = await signUp('y'.repeat(100), 'long-name@example.test');
  assert.equal(accepted.status, 200);
  const cookie = accepted.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='))!.split(';')[0];
  const rename = await auth.handler(authRequest('/update-user', { name: 'z'.repeat(101) }, '198.51.100.9', cookie));
  assert.equal(rename.status, 400);
  assert.equal((await database.prisma.user.findUnique({ where: { email: 'long-name@example.test' } }))?.name, 'y'.repeat(100));
});
