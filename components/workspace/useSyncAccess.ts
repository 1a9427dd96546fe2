'use client';

import { useEffect, useState } from 'react';
import * as authProtocol from 'y-protocols/auth';
import type { Role } from '@model/access/roles';
import { CloseCode } from '@model/protocol/closeCode';
import { MessageType } from '@model/protocol/messageType';
import type { ManuscriptConnection } from './useManuscriptConnection';

/** Close codes the sync server ends a session with for good, and what the writer is told. */
const ENDED_BY_SERVER: Record<number, string> = {
  [CloseCode.accessRemoved]: 'You no longer have access to this manuscript.',
  [CloseCode.documentTooLarge]: 'The server refused the last change: it would take the manuscript past its maximum size, or it is larger than the server accepts at once. Nothing more is sent from this page, and your text is kept in this browser: copy what you need, then discard what this browser has not saved to go on from the saved manuscript.',
};

/**
 * Keeps the connection's access current: after every disconnect of the book's or a section's
 * socket (and every few minutes) it asks the app for the user's role and a fresh sync token for
 * every socket, so an expired token never locks a writer out and a role change shows without a
 * reload. Reports when access has ended, when the server refused a change for good, and the
 * reason the server last gave for not taking a change.
 */
export function useSyncAccess(connection: ManuscriptConnection | null, manuscriptId: string, initialRole: Role) {
  const [role, setRole] = useState<Role>(initialRole);
  const [ended, setEnded] = useState<string | null>(null);
  const [refusedChange, setRefusedChange] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!connection) return;
    const { provider, sections } = connection;
    let stopped = false;
    const end = (message: string) => {
      stopped = true;
      provider.disconnect();
      for (const sectionProvider of sections.providers) sectionProvider.disconnect();
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
        sections.setToken(body.token);
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
    // The book's socket and every section socket, as sections open and close.
    type Provider = typeof provider;
    const watched = new Map<Provider, () => void>();
    const watch = () => {
      for (const watchedProvider of [provider, ...sections.providers]) {
        if (watched.has(watchedProvider)) continue;
        // A section socket closed because the writer moved on is no sign of lost access.
        const onDrop = () => {
          if (watchedProvider.shouldConnect) onDisconnect();
        };
        watched.set(watchedProvider, onDrop);
        watchedProvider.on('connection-close', onDrop);
        watchedProvider.on('connection-error', onDrop);
        watchedProvider.on('closed', onClosed);
        // The server says why it did not take a change (a reader's, or a commenter's to the text).
        watchedProvider.messageHandlers[MessageType.auth] = (_encoder, decoder) =>
          authProtocol.readAuthMessage(decoder, watchedProvider.doc, (_doc, reason) => setRefusal(reason));
        if (stopped) watchedProvider.disconnect();
      }
    };
    watch();
    const unsubscribe = sections.subscribe(watch);
    const timer = setInterval(onDisconnect, 4 * 60 * 1000);
    return () => {
      clearInterval(timer);
      unsubscribe();
      for (const [watchedProvider, onDrop] of watched) {
        watchedProvider.off('connection-close', onDrop);
        watchedProvider.off('connection-error', onDrop);
        watchedProvider.off('closed', onClosed);
      }
    };
  }, [connection, manuscriptId]);

  return { role, ended, refusedChange, refusal };
}
