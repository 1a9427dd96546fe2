import { notFound } from 'next/navigation';
import { db } from '../../../server/db';
import { syncConfig } from '../../../server/config/syncConfig';
import { requireUser } from '../../../server/auth/currentUser';
import { roleIn } from '../../../server/access/roleIn';
import { signSyncToken } from '../../../server/access/syncToken';
import { servedManuscript } from '../../../server/manuscripts/servedManuscript';
import { accountColor } from '../../../server/identity/accountColor';
import { ManuscriptWorkspace } from '../../../components/workspace/ManuscriptWorkspace';
import { earlySocketsScript } from '../../../components/workspace/earlySockets';
import { earlyInputScript } from '../../../components/editor/earlyInputScript';
import { canWrite } from '@model/access/roles';

export const dynamic = 'force-dynamic';

/** A manuscript's writing room, for its members. Anyone else gets 404, as for a missing one. */
export default async function ManuscriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/m/${id}`);
  const role = await roleIn(db, id, user.id);
  if (!role) notFound();
  const [served, color] = await Promise.all([servedManuscript(db, id), accountColor(db, user.id)]);
  const syncToken = await signSyncToken(user.id, id);
  const syncUrl = process.env.SYNC_PUBLIC_URL || undefined;
  // The book's and the first chapter's sockets open while the page's scripts still load.
  const rooms = [id, ...(served?.section ? [`${id}/${served.section.id}`] : [])];
  const early = earlySocketsScript(rooms, syncToken, syncConfig().port, syncUrl).replace(/</g, '\\u003c');
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: early }} />
      {/* A writer's keystrokes in the served text are kept until the editor is ready. */}
      {canWrite(role) && <script dangerouslySetInnerHTML={{ __html: earlyInputScript() }} />}
      <ManuscriptWorkspace
        manuscriptId={id}
        syncPort={syncConfig().port}
        syncUrl={syncUrl}
        user={{ id: user.id, name: user.name, color }}
        initialRole={role}
        syncToken={syncToken}
        served={served ?? undefined}
      />
    </>
  );
}
