import Link from 'next/link';
import { db } from '../server/db';
import { requireUser } from '../server/auth/currentUser';
import { listManuscripts } from '../server/manuscripts/listManuscripts';
import { NewManuscriptForm } from '../components/library/NewManuscriptForm';
import { ImportForm } from '../components/import/ImportForm';
import { LibraryHeader } from '../components/library/LibraryHeader';
import { accountColor } from '../server/identity/accountColor';
import { formatCount } from '../components/workspace/formatCount';

export const dynamic = 'force-dynamic';

/** The library: the manuscripts you belong to, and forms to start a new one or import a draft. */
export default async function LibraryPage() {
  const user = await requireUser('/');
  const [manuscripts, color] = await Promise.all([listManuscripts(db, user.id), accountColor(db, user.id)]);
  return (
    <div className="library">
      <LibraryHeader name={user.name} color={color} />
      <main>
        <NewManuscriptForm />
        <ImportForm />
        <h2>Manuscripts</h2>
        {manuscripts.length === 0 ? (
          <p className="library-empty">No manuscripts yet. Start one above, or open an invitation link someone sent you.</p>
        ) : (
          <ul className="library-list" data-testid="library-list">
            {manuscripts.map((manuscript) => (
              <li key={manuscript.id}>
                <Link href={`/m/${manuscript.id}`} className="library-item">
                  <span className="library-title">
                    {manuscript.title}
                    {manuscript.unreadNotifications > 0 && (
                      <span className="unread-count" data-testid="unread-notifications" title="New on your comment threads since you last looked">
                        {manuscript.unreadNotifications} new
                      </span>
                    )}
                  </span>
                  <span className="library-meta">
                    {manuscript.role} · {formatCount(manuscript.wordCount)} words · changed{' '}
                    {manuscript.updatedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
