import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { userCreator } from '../../server/auth/userCreator';
import { signSyncToken } from '../../server/access/syncToken';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import type { Role } from '../../server/access/roles';

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
  const userId = await userCreator(prisma, { name, email, password });
  return { userId, email, password };
}

/** Creates an account that is a member of `manuscriptId` with `role`, and a sync token for it. */
export async function createMember(prisma: PrismaClient, manuscriptId: string, role: Role, name: string = role): Promise<TestMember> {
  const account = await createAccount(prisma, name);
  await prisma.membership.create({ data: { manuscriptId, userId: account.userId, role } });
  return { ...account, token: await signSyncToken(account.userId, manuscriptId) };
}

/** Creates a new manuscript owned by a new account; returns its id and the owner. */
export async function createOwnedManuscript(prisma: PrismaClient, title: string): Promise<{ id: string; owner: TestMember }> {
  const account = await createAccount(prisma, 'Owner');
  const id = await manuscriptCreator(prisma, newManuscript(title), { ownerId: account.userId });
  return { id, owner: { ...account, token: await signSyncToken(account.userId, id) } };
}
