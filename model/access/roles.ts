/** The roles a member of a manuscript can have, strongest first. */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Whether a role may change the manuscript's text (viewers and commenters may not; commenters may mark passages for comments). */
export function canWrite(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Whether a role may invite people and manage members. */
export function canManageMembers(role: Role): boolean {
  return role === 'owner';
}

/** The stronger of two roles (an invitation never weakens an existing membership). */
export function strongerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b;
}

/** Narrows a stored string to a role; unknown values are treated as the weakest role. */
export function asRole(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : 'viewer';
}
