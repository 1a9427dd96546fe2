'use client';

import { useCallback, useEffect, useState } from 'react';
import type { MemberListing } from '@model/api/memberListing';
import type { InvitationListing } from '@model/api/invitationListing';
import { ROLES, type Role } from '@model/access/roles';
import { apiCall as call } from '../http/apiCall';
import { SidePanel } from '../workspace/SidePanel';

const INVITABLE = ['editor', 'commenter', 'viewer'] as const;

/**
 * The owner's sharing panel: invitation links (choose a role; each expires and can be revoked)
 * and the members (change a role, remove someone). Changes reach open connections within seconds.
 */
export function SharePanel({ manuscriptId, selfId, onClose }: { manuscriptId: string; selfId: string; onClose: () => void }) {
  const base = `/api/manuscripts/${manuscriptId}`;
  const [members, setMembers] = useState<MemberListing[]>([]);
  const [invitations, setInvitations] = useState<InvitationListing[]>([]);
  const [role, setRole] = useState<(typeof INVITABLE)[number]>('editor');
  const [days, setDays] = useState(7);
  const [link, setLink] = useState('');
  const [error, setError] = useState('');

  const reload = useCallback(async () => {
    try {
      const [m, i] = await Promise.all([
        call<{ members: MemberListing[] }>(`${base}/members`),
        call<{ invitations: InvitationListing[] }>(`${base}/invitations`),
      ]);
      setMembers(m.members);
      setInvitations(i.invitations);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [base]);
  useEffect(() => {
    // Loading the lists is the external sync this effect exists for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  const act = async (work: () => Promise<unknown>) => {
    setError('');
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    }
    await reload();
  };

  return (
    <SidePanel title="Share" name="share" closeLabel="sharing" onClose={onClose}>

      <section>
        <h3>Invite by link</h3>
        <div className="share-row">
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value as typeof role)} aria-label="Invitation role">
              {INVITABLE.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            Expires in
            <select value={days} onChange={(event) => setDays(Number(event.target.value))} aria-label="Invitation expiry">
              {[1, 7, 30].map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? '1 day' : `${d} days`}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary-button"
            onClick={() =>
              act(async () => {
                const created = await call<{ url: string }>(`${base}/invitations`, { method: 'POST', body: JSON.stringify({ role, expiresInDays: days }) });
                setLink(created.url);
              })
            }
          >
            Create link
          </button>
        </div>
        {link && (
          <div className="share-row">
            <input readOnly value={link} aria-label="Invitation link" data-testid="invitation-link" onFocus={(event) => event.target.select()} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
              Copy
            </button>
          </div>
        )}
        <ul className="share-list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <span>
                {invitation.role} link · expires {new Date(invitation.expiresAt).toLocaleDateString()} · used {invitation.acceptedCount}×
              </span>
              <button type="button" className="link-button" onClick={() => act(() => call(`${base}/invitations/${invitation.id}`, { method: 'DELETE' }))}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h3>Members</h3>
        <ul className="share-list" data-testid="member-list">
          {members.map((member) => (
            <li key={member.userId} data-testid="member">
              <span>
                {member.name} <span className="hint">{member.email}</span>
              </span>
              <select
                value={member.role}
                aria-label={`Role of ${member.name}`}
                onChange={(event) =>
                  act(() => call(`${base}/members/${member.userId}`, { method: 'PATCH', body: JSON.stringify({ role: event.target.value as Role }) }))
                }
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
              {member.userId !== selfId && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove ${member.name}`}
                  onClick={() => act(() => call(`${base}/members/${member.userId}`, { method: 'DELETE' }))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </SidePanel>
  );
}
