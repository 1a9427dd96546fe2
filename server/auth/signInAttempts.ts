import type { PrismaClient } from '../generated/prisma/client';

/** What an account's earlier attempts add up to, as seen by one new attempt. */
export interface EarlierAttempts {
  count: number;
  lastAt: Date | null;
}

/**
 * The record of sign-in attempts per account (email), in the database so that every app process
 * and a restart see the same counts. An attempt is written before its password is checked and
 * stays, as a failure, unless the sign-in succeeds; each attempt is then judged only by those
 * written before it (by sequence number), so a burst of parallel guesses is counted one by one.
 */
export function signInAttempts(prisma: PrismaClient) {
  return {
    /** Writes an attempt on `email` at `at`, prunes attempts older than `forgetBefore`, and returns the attempt's sequence number. */
    async record(email: string, at: Date, forgetBefore: Date): Promise<number> {
      const { seq } = await prisma.signInAttempt.create({ data: { email, at }, select: { seq: true } });
      await prisma.signInAttempt.deleteMany({ where: { at: { lt: forgetBefore } } });
      return seq;
    },

    /** The attempts on `email` since `since` that were written before attempt `seq`. */
    async before(email: string, seq: number, since: Date): Promise<EarlierAttempts> {
      const earlier = await prisma.signInAttempt.aggregate({
        where: { email, seq: { lt: seq }, at: { gte: since } },
        _count: { _all: true },
        _max: { at: true },
      });
      return { count: earlier._count._all, lastAt: earlier._max.at };
    },

    /** Withdraws one attempt (one that was refused before its password was checked). */
    async withdraw(seq: number): Promise<void> {
      await prisma.signInAttempt.deleteMany({ where: { seq } });
    },

    /** Forgets every attempt on `email`: its owner has just signed in. */
    async clear(email: string): Promise<void> {
      await prisma.signInAttempt.deleteMany({ where: { email } });
    },
  };
}

/** The attempt store's type. */
export type SignInAttempts = ReturnType<typeof signInAttempts>;
