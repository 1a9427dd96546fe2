import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '../../../../server/auth/auth';

/** better-auth's endpoints: sign up, sign in, sign out, session (under /api/auth/). */
export const { GET, POST } = toNextJsHandler(auth);
