import type { Role } from '@model/access/roles';

const READ_ONLY: Partial<Record<Role, { label: string; title: string }>> = {
  viewer: { label: 'View only', title: 'You can read this manuscript and see co-writers, but not change it.' },
  commenter: { label: 'Commenter · comments and suggestions', title: 'You can comment on the text, reply to threads, and suggest changes for an editor to accept, but not change the text directly.' },
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
