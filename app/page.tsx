import Link from 'next/link';
import { db } from '../server/db';
import { listManuscripts } from '../server/manuscripts/listManuscripts';
import { NewManuscriptForm } from '../components/library/NewManuscriptForm';
import { IdentityPicker } from '../components/identity/IdentityPicker';
import { formatCount } from '../components/workspace/formatCount';

export const dynamic = 'force-dynamic';

/** The library: every manuscript, and a form to start a new one. */
export default async function LibraryPage() {
  const manuscripts = await listManuscripts(db);
  return (
    <div className="library">
      <header className="library-header">
        <h1>Quire</h1>
        <IdentityPicker />
      </header>
      <main>
        <NewManuscriptForm />
        <h2>Manuscripts</h2>
        {manuscripts.length === 0 ? (
          <p className="library-empty">No manuscripts yet. Start one above.</p>
        ) : (
          <ul className="library-list" data-testid="library-list">
            {manuscripts.map((manuscript) => (
              <li key={manuscript.id}>
                <Link href={`/m/${manuscript.id}`} className="library-item">
                  <span className="library-title">{manuscript.title}</span>
                  <span className="library-meta">
                    {formatCount(manuscript.wordCount)} words · changed {manuscript.updatedAt.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
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
