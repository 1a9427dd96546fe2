import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from './auth';

/** The signed-in person, as pages and route handlers see them. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The user whose session cookie came with this request, or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}

/** The signed-in user; sends anyone else to the sign-in page, returning them here afterwards. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
