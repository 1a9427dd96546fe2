import type { Role } from '@model/access/roles';

const READ_ONLY: Partial<Record<Role, { label: string; title: string }>> = {
  viewer: { label: 'View only', title: 'You can read this manuscript and see co-writers, but not change it.' },
  commenter: { label: 'Commenter · comments only', title: 'You can select text and comment on it, and reply to threads, but not change the text.' },
};

/** A visible badge for roles that cannot change the text; nothing for owners and editors. */
export function RoleBadge({ role }: { role: Role }) {
  const badge = READ_ONLY[role];
  if (!badge) return null;
  return (
    <span className="role-badge" title={badge.title} data-testid="read-only-badge">
      {badge.label}
    </span>
  );
}
