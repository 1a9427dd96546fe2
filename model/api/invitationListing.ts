import type { Role } from '../access/roles';

/**
 * An invitation as the owner's sharing panel lists it (GET /api/manuscripts/<id>/invitations;
 * the token itself is never stored).
 */
export interface InvitationListing {
  id: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  acceptedCount: number;
}
