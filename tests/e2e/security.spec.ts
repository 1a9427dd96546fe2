import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { WRITER_COLORS } from '@model/identity/writerColors';
import { test, expect, fromApp } from './fixtures';
import { sessionCookie } from '../support/sessionCookie';
import { newId } from '@model/manuscript/newId';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';

/**
 * The running app, through its own front: who the client is cannot be chosen by the client, and
 * a signed-in browser's cookie does nothing when another page sends it.
 */

const SIGN_IN_KEY_SUFFIX = '|/sign-in/email';

/** Forgets the per-address sign-in counts, so this test starts from none and leaves none behind for the specs after it. */
async function resetSignInCounts(prisma: PrismaClient): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: { endsWith: SIGN_IN_KEY_SUFFIX } } });
}

test('spoofed forwarding headers change nothing: sign-ins are counted per connection, and the limit bites', async ({ playwright, baseURL, makeAccount, prisma }) => {
  const account = await makeAccount('Spoofed');
  const api = await playwright.request.newContext({ baseURL });
  await resetSignInCounts(prisma);
  try {
    const signIn = (password: string, claimed: Record<string, string>) =>
      api.post('/api/auth/sign-in/email', { data: { email: account.email, password }, headers: { ...fromApp(baseURL), ...claimed } });
    const spoofs: Array<Record<string, string>> = [
      { 'x-forwarded-for': '198.51.100.1' },
      { 'x-forwarded-for': '198.51.100.2, 203.0.113.9' },
      { 'x-real-ip': '198.51.100.3' },
      { forwarded: 'for=198.51.100.4' },
      { 'x-forwarded-for': '2001:db8::5' },
    ];
    for (const claimed of spoofs) expect((await signIn('not-the-password', claimed)).status(), JSON.stringify(claimed)).toBe(401);
    // A sixth address claimed, and the right password: the connection has used its five.
    const limited = await signIn(account.password, { 'x-forwarded-for': '198.51.100.6' });
    expect(limited.status()).toBe(429);
    expect(limited.headers()['set-cookie']).toBeUndefined();
    // Every attempt was counted against the one real address.
    const keys = (await prisma.rateLimit.findMany({ where: { key: { endsWith: SIGN_IN_KEY_SUFFIX } } })).map((row) => row.key);
    expect(keys).toEqual([`127.0.0.1${SIGN_IN_KEY_SUFFIX}`]);
  } finally {
    await resetSignInCounts(prisma);
    await api.dispose();
  }
});

/** Request headers that must not get a state-changing request through, with what they stand for. */
function foreignSenders(baseURL: string): Array<{ who: string; headers: Record<string, string> }> {
  const app = new URL(baseURL);
  return [
    { who: 'another site', headers: { origin: 'http://evil.example' } },
    { who: 'another port of the same host', headers: { origin: `${app.protocol}//${app.hostname}:${Number(app.port) + 1}` } },
    { who: 'the same port under another name', headers: { origin: `${app.protocol}//localhost:${app.port}` } },
    { who: 'no Origin header', headers: {} },
    { who: 'another site claiming to be forwarded for it', headers: { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' } },
  ];
}

/** One state-changing route: how to send it with given headers, and what it answers from the app's own pages. */
interface StateChange {
  route: string;
  send: (headers: Record<string, string>) => Promise<APIResponse>;
  succeeds: number;
  /** For JSON routes: the same request with a `text/plain` body, which a page on any site may send without asking. */
  asText?: (headers: Record<string, string>) => Promise<APIResponse>;
  /** For multipart routes: the same request as JSON. */
  asJson?: (headers: Record<string, string>) => Promise<APIResponse>;
}

test('every state-changing route refuses other origins and a missing Origin, takes only its content type, and works from the app', async ({
  playwright,
  baseURL,
  manuscript,
  makeAccount,
  prisma,
}) => {
  test.setTimeout(120_000);
  const guest = await makeAccount('Guest');
  const signedIn = async (account: { email: string; password: string }): Promise<APIRequestContext> => {
    const { name, value } = await sessionCookie(prisma, account.email, account.password);
    return playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${name}=${value}` } });
  };
  const owner = await signedIn(manuscript.owner);
  const guestApi = await signedIn(guest);
  const id = manuscript.id;
  const ids: { revision?: string; invitation?: string; token?: string; comment?: string; thread: string; section: string } = {
    thread: newId(),
    section: (await prisma.manuscriptSnapshot.findFirstOrThrow({ where: { manuscriptId: manuscript.id, docName: { notIn: ['', BOOK_DOCUMENT] } } })).docName,
  };
  const markdown = (name: string) => ({ file: { name, mimeType: 'text/markdown', buffer: Buffer.from('## Chapter 1: Probe\n\nText.') }, confirm: 'true' });
  const json = (api: APIRequestContext, method: 'post' | 'patch', path: string, data: object): Pick<StateChange, 'send' | 'asText'> => ({
    send: (headers) => api[method](path, { data, headers }),
    asText: (headers) => api[method](path, { data: JSON.stringify(data), headers: { ...headers, 'content-type': 'text/plain' } }),
  });
  const multipart = (path: string, name: string): Pick<StateChange, 'send' | 'asJson'> => ({
    send: (headers) => owner.post(path, { multipart: markdown(name), headers }),
    asJson: (headers) => owner.post(path, { data: { file: 'x', confirm: 'true' }, headers }),
  });

  const changes: Array<() => StateChange> = [
    () => ({ route: 'PUT /api/account/caret-color', succeeds: 200, send: (headers) => owner.put('/api/account/caret-color', { data: { color: WRITER_COLORS[2] }, headers }), asText: (headers) => owner.put('/api/account/caret-color', { data: JSON.stringify({ color: WRITER_COLORS[2] }), headers: { ...headers, 'content-type': 'text/plain' } }) }),
    () => ({ route: 'POST /api/manuscripts', succeeds: 201, ...json(owner, 'post', '/api/manuscripts', { title: 'Cross-site' }) }),
    () => ({ route: 'POST /api/manuscripts/import', succeeds: 201, ...multipart('/api/manuscripts/import', 'new.md') }),
    () => ({ route: 'POST /api/manuscripts/:id/import', succeeds: 201, ...multipart(`/api/manuscripts/${id}/import`, 'more.md') }),
    () => ({ route: 'POST /api/manuscripts/:id/revisions', succeeds: 201, ...json(owner, 'post', `/api/manuscripts/${id}/revisions`, { name: 'Draft' }) }),
    () => ({ route: 'POST /api/manuscripts/:id/revisions/:revisionId/restore', succeeds: 201, ...json(owner, 'post', `/api/manuscripts/${id}/revisions/${ids.revision}/restore`, { label: 'the book' }) }),
    () => ({ route: 'POST /api/manuscripts/:id/invitations', succeeds: 201, ...json(owner, 'post', `/api/manuscripts/${id}/invitations`, { role: 'editor', expiresInDays: 1 }) }),
    () => ({ route: 'POST /api/invitations/:token', succeeds: 200, send: (headers) => guestApi.post(`/api/invitations/${ids.token}`, { headers }) }),
    () => ({ route: 'DELETE /api/manuscripts/:id/invitations/:invitationId', succeeds: 200, send: (headers) => owner.delete(`/api/manuscripts/${id}/invitations/${ids.invitation}`, { headers }) }),
    () => ({ route: 'POST /api/manuscripts/:id/threads', succeeds: 201, ...json(owner, 'post', `/api/manuscripts/${id}/threads`, { id: ids.thread, sectionId: ids.section, quote: 'Text', body: 'A note.' }) }),
    () => ({ route: 'POST /api/manuscripts/:id/threads/:threadId/comments', succeeds: 201, ...json(owner, 'post', `/api/manuscripts/${id}/threads/${ids.thread}/comments`, { body: 'A reply.' }) }),
    () => ({ route: 'PATCH /api/manuscripts/:id/threads/:threadId', succeeds: 200, ...json(owner, 'patch', `/api/manuscripts/${id}/threads/${ids.thread}`, { resolved: true }) }),
    () => ({ route: 'PATCH /api/manuscripts/:id/comments/:commentId', succeeds: 200, ...json(owner, 'patch', `/api/manuscripts/${id}/comments/${ids.comment}`, { body: 'Edited.' }) }),
    () => ({ route: 'DELETE /api/manuscripts/:id/comments/:commentId', succeeds: 200, send: (headers) => owner.delete(`/api/manuscripts/${id}/comments/${ids.comment}`, { headers }) }),
    () => ({ route: 'POST /api/manuscripts/:id/suggestions/decisions', succeeds: 201, ...json(owner, 'post', `/api/manuscripts/${id}/suggestions/decisions`, { decisions: [{ suggestionId: 'someone|0|0', outcome: 'accepted' }] }) }),
    () => ({ route: 'POST /api/manuscripts/:id/suggestions', succeeds: 200, ...json(owner, 'post', `/api/manuscripts/${id}/suggestions`, { action: 'reject' }) }),
    () => ({ route: 'POST /api/manuscripts/:id/replace', succeeds: 200, ...json(owner, 'post', `/api/manuscripts/${id}/replace`, { query: { text: 'Text' }, replacement: 'Prose' }) }),
    () => ({ route: 'POST /api/manuscripts/:id/notifications/read', succeeds: 200, ...json(owner, 'post', `/api/manuscripts/${id}/notifications/read`, {}) }),
    () => ({ route: 'PATCH /api/manuscripts/:id/members/:userId', succeeds: 200, ...json(owner, 'patch', `/api/manuscripts/${id}/members/${guest.userId}`, { role: 'viewer' }) }),
    () => ({ route: 'DELETE /api/manuscripts/:id/members/:userId', succeeds: 200, send: (headers) => owner.delete(`/api/manuscripts/${id}/members/${guest.userId}`, { headers }) }),
  ];

  /** What the refused requests could have changed: the owner's manuscripts, this one's members, invitations, named versions and comments. */
  const state = async () =>
    JSON.stringify([
      await prisma.membership.count({ where: { userId: manuscript.owner.userId } }),
      await prisma.membership.findMany({ where: { manuscriptId: id }, select: { userId: true, role: true }, orderBy: { userId: 'asc' } }),
      await prisma.invitation.findMany({ where: { manuscriptId: id }, select: { id: true, revokedAt: true, acceptedCount: true }, orderBy: { id: 'asc' } }),
      await prisma.revision.count({ where: { manuscriptId: id, kind: { not: 'auto' } } }),
      await prisma.commentThread.findMany({ where: { manuscriptId: id }, select: { id: true, resolvedAt: true, comments: { select: { body: true, deletedAt: true } } } }),
      await prisma.user.findUnique({ where: { id: manuscript.owner.userId }, select: { caretColor: true } }),
    ]);

  try {
    for (const makeChange of changes) {
      const change = makeChange();
      const before = await state();
      for (const { who, headers } of foreignSenders(baseURL!)) {
        const refused = await change.send(headers);
        expect(refused.status(), `${change.route} from ${who}`).toBe(403);
        expect((await refused.json()).error, change.route).toMatch(/did not come from Quire’s own pages/);
        if (change.asText) expect((await change.asText(headers)).status(), `${change.route} as text/plain from ${who}`).toBe(403);
      }
      if (change.asText) expect((await change.asText(fromApp(baseURL))).status(), `${change.route} as text/plain`).toBe(415);
      if (change.asJson) expect((await change.asJson(fromApp(baseURL))).status(), `${change.route} as JSON`).toBe(415);
      expect(await state(), `${change.route}: the refused requests changed nothing`).toBe(before);

      const done = await change.send(fromApp(baseURL));
      expect(done.status(), `${change.route} from the app's own origin: ${await done.text()}`).toBe(change.succeeds);
      const body = (await done.json()) as { id?: string; url?: string };
      if (change.route.endsWith('/revisions')) ids.revision = body.id;
      if (change.route.endsWith('/comments')) ids.comment = body.id;
      if (change.route.endsWith('/invitations')) [ids.invitation, ids.token] = [body.id, body.url!.split('/invite/')[1]];
    }
    // better-auth's own endpoints check the origin of cookie-carrying requests themselves.
    expect((await owner.post('/api/auth/sign-out', { data: {}, headers: { origin: 'http://evil.example' } })).status()).toBe(403);
  } finally {
    await owner.dispose();
    await guestApi.dispose();
  }
});

test('no page of the app can be framed by another site or another port of this host', async ({ manuscript, openAs, baseURL }) => {
  const page = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const response = await page.request.get(`/m/${manuscript.id}`);
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
  expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN');
  // A page elsewhere that frames the writing room gets an empty, blocked frame.
  const attacker = await page.context().newPage();
  const app = new URL(baseURL!);
  await attacker.route('http://127.0.0.1:3999/frame.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<iframe id="f" src="${app.origin}/m/${manuscript.id}" width="800" height="600"></iframe>` }),
  );
  await attacker.goto('http://127.0.0.1:3999/frame.html');
  await attacker.waitForTimeout(2000);
  const framed = attacker.frames().find((frame) => frame.url().includes(`/m/${manuscript.id}`));
  const framedText = framed ? await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
  expect(framedText).not.toContain('Connected');
  await attacker.close();
});

test('the sign-in page never sends anyone to another site, however `next` is written', async ({ manuscript, openAs, baseURL }) => {
  const page = await openAs(manuscript.owner, '/');
  for (const next of ['//127.0.0.1:3999/x', '/%5C127.0.0.1:3999/x', '/%09/127.0.0.1:3999/x', '/%5C%5C127.0.0.1:3999/x']) {
    // Signed in already, the sign-in page sends you straight on: to the library, not the other site.
    await page.goto(`/sign-in?next=${next}`);
    expect(new URL(page.url()).origin, `next=${next} left the app`).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe('/');
  }
});
