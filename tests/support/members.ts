import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { userCreator } from '../../server/auth/userCreator';
import { signSyncToken } from '../../server/access/syncToken';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import type { Role } from '@model/access/roles';
import type { DocumentLayout } from '../../server/persistence/DocumentStore';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { withTimeout } from './withTimeout';

/** Local SQLite writes and a password hash (tests hash forty at once); only a locked or broken database takes longer. */
const WRITE_TIMEOUT_MS = 30_000;

/** A test account: its id, email, password and a sync token for one manuscript. */
export interface TestMember {
  userId: string;
  email: string;
  password: string;
  token: string;
}

/** Creates an account (real password hash) with a unique email. */
export async function createAccount(prisma: PrismaClient, name: string): Promise<{ userId: string; email: string; password: string }> {
  const email = `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'correct-horse-battery';
  const userId = await withTimeout(userCreator(prisma, { name, email, password }), WRITE_TIMEOUT_MS, `the account ${email} was not created`);
  return { userId, email, password };
}

/** Creates an account that is a member of `manuscriptId` with `role`, and a sync token for it. */
export async function createMember(prisma: PrismaClient, manuscriptId: string, role: Role, name: string = role): Promise<TestMember> {
  const account = await createAccount(prisma, name);
  await withTimeout(
    prisma.membership.create({ data: { manuscriptId, userId: account.userId, role } }),
    WRITE_TIMEOUT_MS,
    `${account.email} was not made ${role} of manuscript ${manuscriptId}`,
  );
  return { ...account, token: await signSyncToken(account.userId, manuscriptId) };
}

/**
 * Creates a new manuscript owned by a new account (the empty new manuscript, unless `manuscript`
 * is given), in the one-document layout unless `layout` says otherwise; returns its id and the
 * owner.
 */
export async function createOwnedManuscript(
  prisma: PrismaClient,
  title: string,
  options: { layout?: DocumentLayout; manuscript?: ManuscriptJson } = {},
): Promise<{ id: string; owner: TestMember }> {
  const account = await createAccount(prisma, 'Owner');
  const content = options.manuscript ?? newManuscript(title);
  const id = await withTimeout(
    manuscriptCreator(prisma, content, { ownerId: account.userId, layout: options.layout ?? 'one-document' }),
    WRITE_TIMEOUT_MS,
    `the manuscript “${title}” was not created`,
  );
  return { id, owner: { ...account, token: await signSyncToken(account.userId, id) } };
}
