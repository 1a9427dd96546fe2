import { z } from 'zod';
import { ROLES } from '@model/access/roles';

/** Validates a role sent by a client (server-side: validation stays out of the browser's bundle). */
export const RoleSchema = z.enum(ROLES);
