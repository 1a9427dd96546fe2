import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAuth } from '../../server/auth/createAuth';
import { KNOWN_DEVICE_COOKIE } from '../../server/auth/knownDevices';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { createAccount } from '../support/members';

let database: TempDatabase;
before(async () => {
  database = await createTempDatabase();
});
after(async () => {
  await database.cleanup();
});

/** An auth instance whose per-account limit reads a clock the test moves (the per-address limit keeps real time). */
function authWithClock() {
  const clock = { now: Date.now() };
  const auth = createAuth(database.prisma, { accountSignInLimit: { now: () => new Date(clock.now) } });
  return { auth, clock, advance: (seconds: number) => (clock.now += seconds * 1000) };
}

let lastAddress = 0;
/** A fresh client address for every request, so the per-address limit (5 a minute) never answers for these tests. */
const newAddress = () => `198.51.${Math.floor(++lastAddress / 250)}.${(lastAddress % 250) + 1}`;

/** A sign-in as a browser at a new address would send it, with its cookies. */
function signIn(email: string, password: string, cookie?: string): Request {
  return new Request('http://localhost:3000/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': newAddress(), origin: 'http://localhost:3000', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ email, password }),
  });
}

/** The `name=value` of a cookie the response sets. */
function cookieSet(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))?.split(';')[0];
}

/** Makes `count` wrong guesses at `email`, each from its own address, and returns their statuses. */
async function guess(auth: ReturnType<typeof createAuth>, email: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await auth.handler(signIn(email, `wrong-guess-${i}`))).status);
  return statuses;
}

test('after 10 failures from 10 addresses, an 11th address waits too, even with the right password', async () => {
  const { auth } = authWithClock();
  const owner = await createAccount(database.prisma, 'Target');
  assert.deepEqual(await guess(auth, owner.email, 10), Array(10).fill(401));
  const refused = await auth.handler(signIn(owner.email, owner.password));
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '30');
  const body = (await refused.json()) as { code: string; message: string };
  assert.equal(body.code, 'SIGN_IN_DELAYED');
  assert.equal(body.message, 'Too many failed sign-ins on this account. Try again in 30 seconds.');
  assert.equal(cookieSet(refused, 'better-auth.session_token'), undefined);
  // Refused attempts are not failures: they neither extend the wait nor reach the password check.
  assert.equal(await database.prisma.signInAttempt.count({ where: { email: owner.email } }), 10);
  // Another account is not affected.
  const other = await createAccount(database.prisma, 'Bystander');
  assert.equal((await auth.handler(signIn(other.email, other.password))).status, 200);
});

test('each further failure doubles the wait; after it, the right password signs in and clears the count', async () => {
  const { auth, advance } = authWithClock();
  const owner = await createAccount(database.prisma, 'Patient');
  await guess(auth, owner.email, 10);
  advance(29);
  assert.equal((await auth.handler(signIn(owner.email, owner.password))).status, 429);
  advance(1);
  assert.deepEqual(await guess(auth, owner.email, 1), [401]);
  const second = await auth.handler(signIn(owner.email, owner.password));
  assert.equal(second.status, 429);
  assert.equal(second.headers.get('retry-after'), '60');
  assert.match(((await second.json()) as { message: string }).message, /Try again in 1 minute\./);
  advance(60);
  assert.deepEqual(await guess(auth, owner.email, 1), [401]);
  assert.equal((await auth.handler(signIn(owner.email, owner.password))).headers.get('retry-after'), '120');
  advance(120);
  const signedIn = await auth.handler(signIn(owner.email, owner.password));
  assert.equal(signedIn.status, 200);
  assert.ok(cookieSet(signedIn, 'better-auth.session_token'));
  assert.equal(await database.prisma.signInAttempt.count({ where: { email: owner.email } }), 0);
  assert.deepEqual(await guess(auth, owner.email, 1), [401]);
});

test('a legitimate sign-in after the 15-minute window works without waiting', async () => {
  const { auth, advance } = authWithClock();
  const owner = await createAccount(database.prisma, 'Returning');
  await guess(auth, owner.email, 10);
  advance(14 * 60);
  assert.equal((await auth.handler(signIn(owner.email, owner.password))).status, 200);
  await guess(auth, owner.email, 10);
  advance(15 * 60 + 1);
  // The failures have left the window: guesses are heard again, and the owner signs in.
  assert.deepEqual(await guess(auth, owner.email, 1), [401]);
  assert.equal((await auth.handler(signIn(owner.email, owner.password))).status, 200);
});

test('a browser that signed in to the account before is not made to wait; a forged cookie, or one for another account, is no use', async () => {
  const { auth } = authWithClock();
  const owner = await createAccount(database.prisma, 'Owner');
  const first = await auth.handler(signIn(owner.email, owner.password));
  const knownDevice = cookieSet(first, KNOWN_DEVICE_COOKIE);
  assert.ok(knownDevice, 'a sign-in marks the browser');
  assert.match(first.headers.getSetCookie().find((cookie) => cookie.startsWith(KNOWN_DEVICE_COOKIE))!, /HttpOnly/i);

  await guess(auth, owner.email, 12);
  assert.equal((await auth.handler(signIn(owner.email, owner.password))).status, 429);
  const forged = `${KNOWN_DEVICE_COOKIE}=${encodeURIComponent(`${owner.userId}.${'A'.repeat(43)}=`)}`;
  assert.equal((await auth.handler(signIn(owner.email, owner.password, forged))).status, 429);
  // Known for another account only: still waits.
  const stranger = await createAccount(database.prisma, 'Stranger');
  const strangersDevice = cookieSet(await auth.handler(signIn(stranger.email, stranger.password)), KNOWN_DEVICE_COOKIE)!;
  assert.equal((await auth.handler(signIn(owner.email, owner.password, strangersDevice))).status, 429);

  const again = await auth.handler(signIn(owner.email, owner.password, knownDevice));
  assert.equal(again.status, 200);
  // The browser now knows the account it signed in to most recently first, and keeps the others.
  const both = cookieSet(await auth.handler(signIn(stranger.email, stranger.password, knownDevice)), KNOWN_DEVICE_COOKIE)!;
  await guess(auth, owner.email, 10);
  assert.equal((await auth.handler(signIn(owner.email, owner.password, both))).status, 200);
});

test('parallel guesses are counted one by one: of 30 at once, 10 are checked', async () => {
  const { auth } = authWithClock();
  const owner = await createAccount(database.prisma, 'Burst');
  const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => auth.handler(signIn(owner.email, `parallel-${i}`)).then((r) => r.status)));
  assert.equal(statuses.filter((status) => status === 401).length, 10);
  assert.equal(statuses.filter((status) => status === 429).length, 20);
});

test('an email without an account is limited the same way, so the answers do not tell which exist', async () => {
  const { auth } = authWithClock();
  const nobody = 'nobody-here@example.test';
  assert.deepEqual(await guess(auth, nobody, 11), [...Array(10).fill(401), 429]);
  // The same email in other letter case is the same account.
  assert.equal((await auth.handler(signIn('Nobody-Here@Example.test', 'x-password'))).status, 429);
});
