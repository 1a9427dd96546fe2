import { db } from '../db';
import { createAuth } from './createAuth';

/** The app's auth instance, on the app's database (see createAuth). */
export const auth = createAuth(db);
