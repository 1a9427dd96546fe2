import type { APIRequestContext } from '@playwright/test';
import { test, expect, fromApp } from './fixtures';
import { sessionCookie } from '../support/sessionCookie';

/**
 * Who may call which route, through the running app: owner-only routes refuse editors and
 * commenters (403) and change nothing; a manuscript's history is nobody else's business (404, as
 * if it did not exist); signed-out callers are told to sign in (401).
 */

test('an editor or a commenter gets 403 from every owner-only route, and nothing changes', async ({ playwright, baseURL, manuscript, makeAccount, prisma }) => {
  test.setTimeout(120_000);
  const id = manuscript.id;
  const contexts: APIRequestContext[] = [];
  const signedIn = async (account: { email: string; password: string }) => {
    const { name, value } = await sessionCookie(prisma, account.email, account.password);
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${name}=${value}` } });
    contexts.push(context);
    return context;
  };
  try {
    const owner = await signedIn(manuscript.owner);
    const created = await owner.post(`/api/manuscripts/${id}/invitations`, { data: { role: 'editor', expiresInDays: 7 }, headers: fromApp(baseURL) });
    expect(created.status(), await created.text()).toBe(201);
    const invitationId = ((await created.json()) as { id: string }).id;
    const target = await makeAccount('Target', { manuscriptId: id, role: 'viewer' });

    const state = async () =>
      JSON.stringify([
        await prisma.membership.findMany({ where: { manuscriptId: id }, select: { userId: true, role: true }, orderBy: { userId: 'asc' } }),
        await prisma.invitation.findMany({ where: { manuscriptId: id }, select: { id: true, role: true, revokedAt: true }, orderBy: { id: 'asc' } }),
      ]);

    for (const role of ['editor', 'commenter'] as const) {
      const member = await makeAccount(role === 'editor' ? 'Eddie' : 'Connie', { manuscriptId: id, role });
      const api = await signedIn(member);
      const headers = fromApp(baseURL);
      const before = await state();
      const calls: Array<[string, () => ReturnType<APIRequestContext['get']>]> = [
        ['GET invitations', () => api.get(`/api/manuscripts/${id}/invitations`)],
        ['POST invitations', () => api.post(`/api/manuscripts/${id}/invitations`, { data: { role: 'editor', expiresInDays: 30 }, headers })],
        ['DELETE an invitation', () => api.delete(`/api/manuscripts/${id}/invitations/${invitationId}`, { headers })],
        ['PATCH another member’s role', () => api.patch(`/api/manuscripts/${id}/members/${target.userId}`, { data: { role: 'editor' }, headers })],
        ['PATCH their own role to owner', () => api.patch(`/api/manuscripts/${id}/members/${member.userId}`, { data: { role: 'owner' }, headers })],
        ['DELETE another member', () => api.delete(`/api/manuscripts/${id}/members/${target.userId}`, { headers })],
        ['DELETE the owner', () => api.delete(`/api/manuscripts/${id}/members/${manuscript.owner.userId}`, { headers })],
      ];
      for (const [what, call] of calls) {
        const response = await call();
        expect(response.status(), `${role}: ${what}`).toBe(403);
        expect(((await response.json()) as { error?: string }).error, `${role}: ${what} says why`).toBeTruthy();
      }
      expect(await state(), `${role}: the refused requests changed nothing`).toBe(before);
      // What every member may do still works for them.
      expect((await api.get(`/api/manuscripts/${id}/members`)).status(), `${role}: GET members`).toBe(200);
    }
    // And the owner may do what they were refused.
    expect((await owner.get(`/api/manuscripts/${id}/invitations`)).status()).toBe(200);
    expect((await owner.patch(`/api/manuscripts/${id}/members/${target.userId}`, { data: { role: 'commenter' }, headers: fromApp(baseURL) })).status()).toBe(200);
  } finally {
    for (const context of contexts) await context.dispose();
  }
});

test('a stranger gets 404 from a manuscript’s revisions, compare, restore and suggestions, and a signed-out caller 401', async ({ playwright, baseURL, manuscript, makeAccount, prisma }) => {
  const id = manuscript.id;
  const { name, value } = await sessionCookie(prisma, manuscript.owner.email, manuscript.owner.password);
  const owner = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${name}=${value}` } });
  const strangerAccount = await makeAccount('Stranger');
  const strangerCookie = await sessionCookie(prisma, strangerAccount.email, strangerAccount.password);
  const stranger = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${strangerCookie.name}=${strangerCookie.value}` } });
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const named = await owner.post(`/api/manuscripts/${id}/revisions`, { data: { name: 'Private draft' }, headers: fromApp(baseURL) });
    expect(named.status(), await named.text()).toBe(201);
    const revisionId = ((await named.json()) as { id: string }).id;
    const headers = fromApp(baseURL);
    const revisions = () => prisma.revision.count({ where: { manuscriptId: id } });
    const before = await revisions();

    for (const [who, api, status] of [
      ['a stranger', stranger, 404],
      ['a signed-out caller', anonymous, 401],
    ] as const) {
      const calls: Array<[string, () => ReturnType<APIRequestContext['get']>]> = [
        ['GET revisions', () => api.get(`/api/manuscripts/${id}/revisions`)],
        ['POST revisions', () => api.post(`/api/manuscripts/${id}/revisions`, { data: { name: 'Mine now' }, headers })],
        ['GET compare', () => api.get(`/api/manuscripts/${id}/compare?from=${revisionId}&to=now`)],
        ['POST restore', () => api.post(`/api/manuscripts/${id}/revisions/${revisionId}/restore`, { data: { label: 'the book' }, headers })],
        ['POST suggestions', () => api.post(`/api/manuscripts/${id}/suggestions`, { data: { action: 'accept' }, headers })],
        ['POST suggestion decisions', () => api.post(`/api/manuscripts/${id}/suggestions/decisions`, { data: { decisions: [{ suggestionId: 'a|b|c', outcome: 'accepted' }] }, headers })],
      ];
      for (const [what, call] of calls) {
        const response = await call();
        expect(response.status(), `${who}: ${what}`).toBe(status);
        const body = await response.text();
        expect(body, `${who}: ${what} gives nothing of the manuscript away`).not.toContain('Private draft');
      }
    }
    // A stranger learns nothing from a manuscript that does not exist either: the same 404.
    expect((await stranger.get('/api/manuscripts/no-such-manuscript/revisions')).status()).toBe(404);
    expect(await revisions(), 'a refused request made a revision').toBe(before);
    expect((await owner.get(`/api/manuscripts/${id}/compare?from=${revisionId}&to=now`)).status()).toBe(200);
  } finally {
    await Promise.all([owner.dispose(), stranger.dispose(), anonymous.dispose()]);
  }
});
