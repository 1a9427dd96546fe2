import type { Role } from '../access/roles';

/** A member as the sharing panel lists them (GET /api/manuscripts/<id>/members). */
export interface MemberListing {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** Their account's caret colour, once they have one (see model/identity/writerColors.ts). */
  color: string | null;
}
