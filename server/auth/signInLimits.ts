/** How failed sign-ins on one account are slowed down (see accountSignInLimit). */
export interface AccountSignInLimits {
  /** Failures within the window an account takes before attempts must wait. */
  maxFailures: number;
  /** How far back failures count (ms). */
  windowMs: number;
  /** The wait after the last failure once `maxFailures` is reached (ms); it doubles with each further failure. */
  firstDelayMs: number;
  /** The longest wait (ms). */
  maxDelayMs: number;
}

/**
 * 10 failures per account in 15 minutes, then 30 s before the next attempt, doubling with each
 * further failure up to 15 minutes. Nothing locks an account: every attempt is heard in the end,
 * and the owner's own browser is not made to wait at all (see knownDevices).
 */
export const ACCOUNT_SIGN_IN_LIMITS: AccountSignInLimits = {
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
  firstDelayMs: 30 * 1000,
  maxDelayMs: 15 * 60 * 1000,
};

/**
 * How long an attempt made at `now` must still wait (ms; 0: it may go ahead), given the number of
 * failures within the window before it and the time of the latest of them.
 */
export function signInWaitMs(failures: number, lastFailureAt: Date | null, now: Date, limits: AccountSignInLimits): number {
  if (failures < limits.maxFailures || !lastFailureAt) return 0;
  const delay = Math.min(limits.firstDelayMs * 2 ** (failures - limits.maxFailures), limits.maxDelayMs);
  return Math.max(0, lastFailureAt.getTime() + delay - now.getTime());
}
