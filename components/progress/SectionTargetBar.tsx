import { formatCount } from '../workspace/formatCount';

/**
 * A section's progress toward its word target, under its name in the binder: a thin bar, and
 * the target in words for whoever reads it (the count itself is already beside the name).
 */
export function SectionTargetBar({ words, target }: { words: number | null; target: number | null }) {
  if (target === null) return null;
  const share = Math.min(1, (words ?? 0) / target);
  return (
    <span className={`binder-target${share >= 1 ? ' is-reached' : ''}`} data-testid="binder-target">
      <span className="binder-target-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="binder-target-text">
        {Math.round(share * 100)} % of {formatCount(target)}
      </span>
    </span>
  );
}
