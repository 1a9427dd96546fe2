import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { fileScope, stopWhenDone, type TestScope } from '../support/testScope';
import { killWithThisProcess } from '../support/killWithThisProcess';
import { withTimeout } from '../support/withTimeout';
import { createAccount } from '../support/members';

/**
 * The app run as several instances on one database: two processes, each serving the real
 * better-auth handler (tests/support/authInstance.ts), with requests alternating between them.
 * Whatever limits or identifies a client (the per-address rate limits, the per-account sign-in
 * limit, sessions) must be the same whichever instance a request reaches.
 */

/** The address the browser knows the app by, in front of both instances, as BETTER_AUTH_URL would be in production. */
const PUBLIC_URL = 'http://quire.test';
/**
 * Instances run behind a load balancer, which must be listed in TRUSTED_PROXIES so that they see
 * clients rather than the balancer. Here the test is that balancer, on loopback: it says whom it
 * forwards for in X-Forwarded-For, and each instance's front appends the balancer's own address.
 */
const LOAD_BALANCER = '127.0.0.1';
/** Both instances sign with one secret, as every instance of an installation does. */
const SHARED_SECRET = `test-${randomBytes(16).toString('hex')}`;

/** Startup includes compiling the TypeScript with tsx, which is slow on a busy machine. */
const START_TIMEOUT_MS = 30_000;
/** A request does a few database writes and at most one password hash. */
const REQUEST_TIMEOUT_MS = 15_000;
const SESSION_COOKIE = 'better-auth.session_token';

/** One app instance: its own process, serving /api/auth/ at `url`. */
interface AppInstance {
  name: string;
  url: string;
  pid: number;
}

/**
 * Starts tests/support/authInstance.ts in a child process on `databaseUrl`, with the rate limits
 * on, whatever the test run says (the runner may turn them off for other tests), and resolves once
 * it listens. The process is killed when `scope` ends, and with this process.
 */
function startInstance(scope: TestScope, name: string, databaseUrl: string): Promise<AppInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'tests', 'support', 'authInstance.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_RATE_LIMIT: 'on',
      TRUSTED_PROXIES: LOAD_BALANCER,
      BETTER_AUTH_URL: PUBLIC_URL,
      BETTER_AUTH_SECRET: SHARED_SECRET,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  killWithThisProcess(child);
  stopWhenDone(scope, `app instance ${name} (pid ${child.pid})`, () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGKILL');
    return exited;
  });
  let output = '';
  const listening = new Promise<number>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`app instance ${name} exited with ${signal ?? code} before listening (its errors are above): ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
  });
  return withTimeout(listening, START_TIMEOUT_MS, () => `app instance ${name} (pid ${child.pid}) did not say it was listening; it printed: ${output}`).then((port) => ({
    name,
    url: `http://${LOAD_BALANCER}:${port}`,
    pid: child.pid!,
  }));
}

let database: TempDatabase;
let instances: [AppInstance, AppInstance];
before(async (t) => {
  const scope = fileScope(t);
  database = await createTempDatabase(scope);
  instances = await Promise.all([startInstance(scope, 'A', database.url), startInstance(scope, 'B', database.url)]);
});

/** Instance A for even `i`, B for odd: how the balancer spreads a run of requests. */
const alternate = (i: number): AppInstance => instances[i % 2];

let lastAddress = 0;
/** A client address no other request in this file has come from. */
const newAddress = () => `198.51.100.${++lastAddress}`;

/** What one request carries: the client it comes from, and what a browser would send with it. */
interface ClientRequest {
  from: string;
  body?: unknown;
  cookies?: string;
}

/** Sends a request to an instance's /api/auth/`endpoint` as the load balancer forwards a browser's. */
function send(instance: AppInstance, method: 'GET' | 'POST', endpoint: string, { from, body, cookies }: ClientRequest): Promise<Response> {
  const headers: Record<string, string> = { 'x-forwarded-for': from };
  if (method === 'POST') Object.assign(headers, { origin: PUBLIC_URL, 'content-type': 'application/json' });
  if (cookies) headers.cookie = cookies;
  const answered = fetch(`${instance.url}/api/auth${endpoint}`, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined });
  return withTimeout(answered, REQUEST_TIMEOUT_MS, `instance ${instance.name} did not answer ${method} ${endpoint}`);
}

/** The `name=value` pairs of every cookie a response sets, as the browser sends them back. */
function cookiesSet(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** The signed-in user's email that an instance finds for these cookies, or null when it finds no session. */
async function sessionEmail(instance: AppInstance, cookies: string, from: string): Promise<string | null> {
  const response = await send(instance, 'GET', '/get-session', { from, cookies });
  assert.equal(response.status, 200, `get-session on instance ${instance.name}`);
  const session = (await response.json()) as { user: { email: string } } | null;
  return session?.user.email ?? null;
}

/** Asserts a refusal by better-auth's per-address rate limit (not by the per-account limit, which says SIGN_IN_DELAYED). */
async function assertRateLimited(response: Response, what: string): Promise<void> {
  assert.equal(response.status, 429, what);
  assert.ok(response.headers.get('x-retry-after'), `${what}: the per-address limit says when to retry`);
  assert.notEqual(((await response.json()) as { code?: string }).code, 'SIGN_IN_DELAYED', what);
}

test('the two instances are separate processes, both answering', async () => {
  const [a, b] = instances;
  assert.notEqual(a.pid, b.pid);
  assert.ok(![a.pid, b.pid].includes(process.pid));
  assert.notEqual(a.url, b.url);
  const from = newAddress();
  for (const instance of instances) assert.equal(await sessionEmail(instance, '', from), null);
});

test('five sign-in attempts a minute from one address are five in all, not five per instance', async () => {
  const account = await createAccount(database.prisma, 'Target');
  const attacker = newAddress();
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await send(alternate(i), 'POST', '/sign-in/email', { from: attacker, body: { email: account.email, password: `wrong-guess-${i}` } });
    statuses.push(response.status);
    if (response.status === 429) await assertRateLimited(response, `attempt ${i + 1}, on instance ${alternate(i).name}`);
  }
  // A, B, A, B, A are heard; the sixth goes to B, which has heard only two itself, and is refused.
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  for (const instance of instances) {
    const again = await send(instance, 'POST', '/sign-in/email', { from: attacker, body: { email: account.email, password: account.password } });
    await assertRateLimited(again, `the right password from the same address, on instance ${instance.name}`);
  }
  // The limit is the address's: from another one, either instance signs the owner in.
  const owner = newAddress();
  for (const instance of instances) {
    const signedIn = await send(instance, 'POST', '/sign-in/email', { from: owner, body: { email: account.email, password: account.password } });
    assert.equal(signedIn.status, 200, `the owner from another address, on instance ${instance.name}`);
  }
});

test('ten sign-ups a minute from one address are ten in all, not ten per instance', async () => {
  const from = newAddress();
  const signUp = (instance: AppInstance, n: number) =>
    send(instance, 'POST', '/sign-up/email', { from, body: { name: `Newcomer ${n}`, email: `newcomer-${n}-${randomBytes(4).toString('hex')}@example.test`, password: 'a-long-password' } });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const response = await signUp(alternate(i), i);
    statuses.push(response.status);
    if (response.status === 429) await assertRateLimited(response, `sign-up ${i + 1}, on instance ${alternate(i).name}`);
  }
  // The eleventh goes to A, which has heard five itself.
  assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
  await assertRateLimited(await signUp(instances[1], 11), 'a twelfth sign-up, on instance B');
});

test('ten failures on one account, from ten addresses spread over both instances, make the next attempt wait on either', async () => {
  const account = await createAccount(database.prisma, 'Guarded');
  const statuses: number[] = [];
  // Each guess from its own address, so that the per-address limit is never what answers.
  for (let i = 0; i < 10; i++) {
    statuses.push((await send(alternate(i), 'POST', '/sign-in/email', { from: newAddress(), body: { email: account.email, password: `wrong-guess-${i}` } })).status);
  }
  assert.deepEqual(statuses, Array(10).fill(401));
  for (const instance of instances) {
    // Each instance has heard five failures itself: only the shared count reaches ten.
    const refused = await send(instance, 'POST', '/sign-in/email', { from: newAddress(), body: { email: account.email, password: account.password } });
    assert.equal(refused.status, 429, `the right password from a new address, on instance ${instance.name}`);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 30, `instance ${instance.name}: Retry-After ${retryAfter}, within the first 30-second wait`);
    assert.equal(((await refused.json()) as { code: string }).code, 'SIGN_IN_DELAYED');
  }
  // Refused attempts are withdrawn; the ten failures are the account's whole record.
  assert.equal(await database.prisma.signInAttempt.count({ where: { email: account.email } }), 10);
});

test('a session made on one instance is good on the other, and signing out on the other ends it on both', async () => {
  const account = await createAccount(database.prisma, 'Traveller');
  const [a, b] = instances;
  const browser = newAddress();
  const signedIn = await send(a, 'POST', '/sign-in/email', { from: browser, body: { email: account.email, password: account.password } });
  assert.equal(signedIn.status, 200, 'sign-in on instance A');
  const cookies = cookiesSet(signedIn);
  assert.match(cookies, new RegExp(`${SESSION_COOKIE}=`));
  assert.equal(await sessionEmail(b, cookies, browser), account.email, 'instance B knows the session instance A made');
  assert.equal(await sessionEmail(a, cookies, browser), account.email);

  const signedOut = await send(b, 'POST', '/sign-out', { from: browser, cookies });
  assert.equal(signedOut.status, 200, 'sign-out on instance B');
  // A copy of the cookies kept from before (a stolen one, say) is worth nothing on either instance.
  assert.equal(await sessionEmail(a, cookies, browser), null, 'instance A still accepts the session signed out on instance B');
  assert.equal(await sessionEmail(b, cookies, browser), null);
  assert.equal(await database.prisma.session.count({ where: { userId: account.userId } }), 0);
});
