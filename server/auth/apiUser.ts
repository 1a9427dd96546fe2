import { HttpError } from '../http/HttpError';
import { currentUser, type CurrentUser } from './currentUser';

/** The signed-in user of an API request, or a 401 for the route handler to answer. */
export async function apiUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, 'Sign in first.');
  return user;
}
