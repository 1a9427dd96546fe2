import { notFound } from 'next/navigation';
import { db } from '../../../server/db';
import { syncConfig } from '../../../server/config/syncConfig';
import { requireUser } from '../../../server/auth/currentUser';
import { roleIn } from '../../../server/access/roleIn';
import { signSyncToken } from '../../../server/access/syncToken';
import { servedManuscript } from '../../../server/manuscripts/servedManuscript';
import { ManuscriptWorkspace } from '../../../components/workspace/ManuscriptWorkspace';

export const dynamic = 'force-dynamic';

/** A manuscript's writing room, for its members. Anyone else gets 404, as for a missing one. */
export default async function ManuscriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/m/${id}`);
  const role = await roleIn(db, id, user.id);
  if (!role) notFound();
  const served = await servedManuscript(db, id);
  return (
    <ManuscriptWorkspace
      manuscriptId={id}
      syncPort={syncConfig().port}
      syncUrl={process.env.SYNC_PUBLIC_URL || undefined}
      user={{ id: user.id, name: user.name }}
      initialRole={role}
      syncToken={await signSyncToken(user.id, id)}
      served={served ?? undefined}
    />
  );
}
