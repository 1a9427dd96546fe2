import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { invitationAccepter, invitationCreator, invitationRevoker, listInvitations, previewInvitation } from '../../server/access/invitations';
import { memberChanger } from '../../server/access/memberChanger';
import { roleIn } from '../../server/access/roleIn';
import { HttpError } from '../../server/http/HttpError';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { fileScope } from '../support/testScope';
import { createAccount, createMember, createOwnedManuscript } from '../support/members';

let database: TempDatabase;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

const gone = (error: unknown) => error instanceof HttpError && error.status === 410;

test('an invitation link admits anyone with its role until it is revoked', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Invited');
  const link = await invitationCreator(database.prisma, { manuscriptId: id, role: 'editor', createdById: owner.userId, expiresInDays: 7 });
  assert.deepEqual(await previewInvitation(database.prisma, link.token), { manuscriptId: id, title: 'Invited', role: 'editor', invitedBy: 'Owner' });
  const first = await createAccount(database.prisma, 'First');
  assert.equal(await invitationAccepter(database.prisma, link.token, first.userId), id);
  assert.equal(await roleIn(database.prisma, id, first.userId), 'editor');

  await invitationRevoker(database.prisma, id, link.id);
  const second = await createAccount(database.prisma, 'Second');
  await assert.rejects(invitationAccepter(database.prisma, link.token, second.userId), gone);
  assert.equal(await roleIn(database.prisma, id, second.userId), null);
  assert.equal(await previewInvitation(database.prisma, link.token), null);
  assert.deepEqual(await listInvitations(database.prisma, id), []);
});

test('an expired invitation link admits no one', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Expired');
  const link = await invitationCreator(database.prisma, { manuscriptId: id, role: 'viewer', createdById: owner.userId, expiresInDays: 1 });
  await database.prisma.invitation.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const late = await createAccount(database.prisma, 'Late');
  await assert.rejects(invitationAccepter(database.prisma, link.token, late.userId), gone);
  assert.equal(await roleIn(database.prisma, id, late.userId), null);
});

test('accepting a weaker invitation never lowers a member’s role; tokens are stored only as hashes', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Stronger');
  const editor = await createMember(database.prisma, id, 'editor');
  const link = await invitationCreator(database.prisma, { manuscriptId: id, role: 'viewer', createdById: owner.userId, expiresInDays: 7 });
  await invitationAccepter(database.prisma, link.token, editor.userId);
  assert.equal(await roleIn(database.prisma, id, editor.userId), 'editor');
  const stored = await database.prisma.invitation.findUniqueOrThrow({ where: { id: link.id } });
  assert.notEqual(stored.tokenHash, link.token);
  assert.ok(!JSON.stringify(stored).includes(link.token));
});

test('the last owner can neither leave nor step down', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Owned');
  await assert.rejects(memberChanger(database.prisma, id, owner.userId, 'editor'), (e: unknown) => e instanceof HttpError && e.status === 409);
  await assert.rejects(memberChanger(database.prisma, id, owner.userId, null), (e: unknown) => e instanceof HttpError && e.status === 409);
  const second = await createMember(database.prisma, id, 'owner');
  await memberChanger(database.prisma, id, owner.userId, 'editor');
  assert.equal(await roleIn(database.prisma, id, owner.userId), 'editor');
  assert.equal(await roleIn(database.prisma, id, second.userId), 'owner');
});
