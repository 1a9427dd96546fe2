import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';

/** The longest account name accepted: names are shown beside carets, in lists and exports. */
export const MAX_ACCOUNT_NAME_LENGTH = 100;

const NAMED = new Set(['/sign-up/email', '/update-user']);

/**
 * A better-auth plugin that refuses a name that is empty or longer than
 * {@link MAX_ACCOUNT_NAME_LENGTH} characters at sign-up and on a name change. Names travel with
 * every caret move to every co-writer, so an unbounded one would be a way to flood them.
 */
export function accountNameLimit() {
  return {
    id: 'account-name-limit',
    hooks: {
      before: [
        {
          matcher: (ctx) => NAMED.has(ctx.path ?? ''),
          handler: createAuthMiddleware(async (ctx) => {
            const name = (ctx.body as { name?: unknown } | undefined)?.name;
            if (name === undefined && ctx.path === '/update-user') return;
            if (typeof name !== 'string' || name.trim().length === 0 || name.length > MAX_ACCOUNT_NAME_LENGTH) {
              throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: `Give a name of 1 to ${MAX_ACCOUNT_NAME_LENGTH} characters.` });
            }
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
