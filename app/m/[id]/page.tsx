import { notFound } from 'next/navigation';
import { db } from '../../../server/db';
import { syncConfig } from '../../../server/config/syncConfig';
import { ManuscriptWorkspace } from '../../../components/workspace/ManuscriptWorkspace';

export const dynamic = 'force-dynamic';

/** A manuscript's writing room. Unknown ids answer 404. */
export default async function ManuscriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const manuscript = await db.manuscript.findUnique({ where: { id }, select: { id: true } });
  if (!manuscript) notFound();
  return <ManuscriptWorkspace manuscriptId={manuscript.id} syncPort={syncConfig().port} syncUrl={process.env.SYNC_PUBLIC_URL || undefined} />;
}
