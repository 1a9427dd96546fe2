'use client';

import { useEffect, useState } from 'react';
import type { Role } from '@model/access/roles';
import { CloseCode } from '@model/protocol/closeCode';
import type { ManuscriptConnection } from './useManuscriptConnection';

/** Close codes the sync server ends a session with for good, and what the writer is told. */
const ENDED_BY_SERVER: Record<number, string> = {
  [CloseCode.accessRemoved]: 'You no longer have access to this manuscript.',
  [CloseCode.documentTooLarge]: 'The server refused the last change: it would take the manuscript past its maximum size, or it is larger than the server accepts at once. Nothing more is sent from this page, and your text is kept in this browser: copy what you need, then discard what this browser has not saved to go on from the saved manuscript.',
};

/**
 * Keeps the connection's access current: after every disconnect (and every few minutes) it asks
 * the app for the user's role and a fresh sync token, so an expired token never locks a writer
 * out and a role change shows without a reload. Reports when access has ended.
 */
export function useSyncAccess(connection: ManuscriptConnection | null, manuscriptId: string, initialRole: Role) {
  const [role, setRole] = useState<Role>(initialRole);
  const [ended, setEnded] = useState<string | null>(null);
  const [refusedChange, setRefusedChange] = useState(false);

  useEffect(() => {
    if (!connection) return;
    const { provider } = connection;
    let stopped = false;
    const end = (message: string) => {
      stopped = true;
      provider.disconnect();
      setEnded(message);
    };
    const refresh = async () => {
      if (stopped) return;
      try {
        const response = await fetch(`/api/manuscripts/${manuscriptId}/access`, { cache: 'no-store' });
        if (response.status === 401) return end('Your session has ended. Sign in again to keep writing; your changes are kept in this browser.');
        if (response.status === 404) return end(ENDED_BY_SERVER[CloseCode.accessRemoved]);
        if (!response.ok) return;
        const body = (await response.json()) as { role: Role; token: string };
        provider.params.token = body.token;
        setRole(body.role);
      } catch {
        // The app is unreachable: keep the current token and try again after the next disconnect.
      }
    };
    const onDisconnect = () => void refresh();
    const onClosed = (event: { code: number }) => {
      if (event.code === CloseCode.documentTooLarge) setRefusedChange(true);
      if (ENDED_BY_SERVER[event.code]) end(ENDED_BY_SERVER[event.code]);
      else void refresh();
    };
    provider.on('connection-close', onDisconnect);
    provider.on('connection-error', onDisconnect);
    provider.on('closed', onClosed);
    const timer = setInterval(onDisconnect, 4 * 60 * 1000);
    return () => {
      clearInterval(timer);
      provider.off('connection-close', onDisconnect);
      provider.off('connection-error', onDisconnect);
      provider.off('closed', onClosed);
    };
  }, [connection, manuscriptId]);

  return { role, ended, refusedChange };
}
