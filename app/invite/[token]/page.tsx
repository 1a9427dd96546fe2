import Link from 'next/link';
import { redirect } from 'next/navigation';
import { db } from '../../../server/db';
import { currentUser } from '../../../server/auth/currentUser';
import { previewInvitation } from '../../../server/access/invitations';
import { roleIn } from '../../../server/access/roleIn';
import { AcceptInvitation } from '../../../components/sharing/AcceptInvitation';

export const dynamic = 'force-dynamic';

const ROLE_WORDS = { owner: 'an owner', editor: 'an editor', commenter: 'a commenter', viewer: 'a viewer' } as const;

/** An invitation link: who invites you to which manuscript with which role, and the way in. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await previewInvitation(db, token);
  if (!invitation) {
    return (
      <div className="auth-page">
        <div className="auth-form">
          <h1>This invitation no longer works</h1>
          <p>It has expired or was revoked. Ask the manuscript’s owner for a new link.</p>
          <Link href="/">Go to your library</Link>
        </div>
      </div>
    );
  }
  const here = `/invite/${token}`;
  const user = await currentUser();
  if (user && (await roleIn(db, invitation.manuscriptId, user.id)) === invitation.role) redirect(`/m/${invitation.manuscriptId}`);
  return (
    <div className="auth-page">
      <div className="auth-form">
        <h1>{invitation.title}</h1>
        <p>
          {invitation.invitedBy} invites you to join as {ROLE_WORDS[invitation.role]}.
        </p>
        {user ? (
          <>
            <p className="hint">Signed in as {user.email}.</p>
            <AcceptInvitation token={token} label={`Join as ${invitation.role}`} />
          </>
        ) : (
          <p className="invite-actions">
            <Link className="primary-button" href={`/sign-up?next=${encodeURIComponent(here)}`}>
              Create an account to join
            </Link>
            <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>I have an account</Link>
          </p>
        )}
      </div>
    </div>
  );
}
