import type { PrismaClient } from '../generated/prisma/client';
import { newId } from '@model/manuscript/newId';
import { HttpError } from '../http/HttpError';
import { READ_THEN_WRITE, retryWhenBusy } from '../persistence/retryWhenBusy';
import { hashInvitationToken, newInvitationToken } from './invitationToken';
import { asRole, strongerRole, type Role } from '@model/access/roles';
import type { InvitationListing } from '@model/api/invitationListing';

/**
 * Creates an invitation link's token for a role, valid for `expiresInDays`. The token is returned
 * once; only its hash is kept. Anyone with the link can join with that role until it expires or
 * is revoked.
 */
export async function invitationCreator(
  prisma: PrismaClient,
  input: { manuscriptId: string; role: Exclude<Role, 'owner'>; createdById: string; expiresInDays: number },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const invitation = await prisma.invitation.create({
    data: {
      id: newId(),
      manuscriptId: input.manuscriptId,
      role: input.role,
      createdById: input.createdById,
      tokenHash: hashInvitationToken(token),
      expiresAt,
    },
  });
  return { id: invitation.id, token, expiresAt };
}

/** The manuscript's invitations that still work (not revoked, not expired), newest first. */
export async function listInvitations(prisma: PrismaClient, manuscriptId: string): Promise<InvitationListing[]> {
  const rows = await prisma.invitation.findMany({
    where: { manuscriptId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((row) => ({ id: row.id, role: asRole(row.role), createdAt: row.createdAt, expiresAt: row.expiresAt, acceptedCount: row.acceptedCount }));
}

/** Revokes an invitation of this manuscript; its link stops working at once. */
export async function invitationRevoker(prisma: PrismaClient, manuscriptId: string, invitationId: string): Promise<void> {
  const { count } = await prisma.invitation.updateMany({
    where: { id: invitationId, manuscriptId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new HttpError(404, 'There is no such invitation.');
}

/** What an invitation link shows before it is accepted. */
export interface InvitationPreview {
  manuscriptId: string;
  title: string;
  role: Role;
  invitedBy: string;
}

/** Looks up a working invitation by its token; null if unknown, revoked or expired. */
export async function previewInvitation(prisma: PrismaClient, token: string): Promise<InvitationPreview | null> {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { revokedAt: true, expiresAt: true, role: true, manuscript: { select: { id: true, title: true } }, createdBy: { select: { name: true } } },
  });
  if (!invitation || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return { manuscriptId: invitation.manuscript.id, title: invitation.manuscript.title, role: asRole(invitation.role), invitedBy: invitation.createdBy.name };
}

/**
 * Accepts an invitation for a user: they become a member with the invitation's role, or keep
 * their current role if it is stronger. Returns the manuscript's id.
 */
export async function invitationAccepter(prisma: PrismaClient, token: string, userId: string): Promise<string> {
  // Reads then writes: retried whole if the sync server wrote in between (SQLite refuses the write).
  return retryWhenBusy(() => prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) } });
    if (!invitation || invitation.revokedAt || invitation.expiresAt <= new Date()) {
      throw new HttpError(410, 'This invitation link has expired or was revoked. Ask the owner for a new one.');
    }
    const key = { manuscriptId_userId: { manuscriptId: invitation.manuscriptId, userId } };
    const existing = await tx.membership.findUnique({ where: key });
    const role = existing ? strongerRole(asRole(existing.role), asRole(invitation.role)) : asRole(invitation.role);
    await tx.membership.upsert({ where: key, create: { manuscriptId: invitation.manuscriptId, userId, role }, update: { role } });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedCount: { increment: 1 } } });
    return invitation.manuscriptId;
  }, READ_THEN_WRITE));
}
