import { formatCount } from '../workspace/formatCount';
import type { WritingSession } from './useWritingSession';

/** The session's count against its target in the header, once the writer has set one. */
export function SessionChip({ session }: { session: WritingSession }) {
  if (session.target === null) return null;
  const reached = session.words >= session.target;
  return (
    <span className={`session-chip${reached ? ' is-reached' : ''}`} data-testid="session-chip" title="Words you have written this session, against your session target">
      Session {formatCount(session.words)}/{formatCount(session.target)}
    </span>
  );
}
