import { redirect } from 'next/navigation';
import { AuthForm } from '../../components/auth/AuthForm';
import { safeNext } from '../../components/auth/safeNext';
import { currentUser } from '../../server/auth/currentUser';

export const dynamic = 'force-dynamic';

/** Create an account with a name, email and password. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="auth-page">
      <AuthForm mode="sign-up" next={next} />
    </div>
  );
}
