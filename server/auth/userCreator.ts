import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import type { PrismaClient } from '../generated/prisma/client';

/**
 * Creates an account with an email and password directly in the database, hashed by
 * better-auth's own password hashing, exactly as its sign-up stores it. For the demo account
 * and tests; people sign up through the app. Returns the user id.
 */
export async function userCreator(prisma: PrismaClient, person: { name: string; email: string; password: string }): Promise<string> {
  const id = randomUUID();
  await prisma.user.create({
    data: {
      id,
      name: person.name,
      email: person.email.toLowerCase(),
      accounts: {
        create: { id: randomUUID(), accountId: id, providerId: 'credential', password: await hashPassword(person.password) },
      },
    },
  });
  return id;
}
