import { createAuthClient } from 'better-auth/react';

/** The browser's client for the app's auth endpoints (/api/auth/*). */
export const authClient = createAuthClient();
