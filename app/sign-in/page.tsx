import { redirect } from 'next/navigation';
import { AuthForm } from '../../components/auth/AuthForm';
import { safeNext } from '../../components/auth/safeNext';
import { currentUser } from '../../server/auth/currentUser';

export const dynamic = 'force-dynamic';

/** Sign in with email and password. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="auth-page">
      <AuthForm mode="sign-in" next={next} />
    </div>
  );
}
