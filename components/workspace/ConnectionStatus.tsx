'use client';

import type { ConnectionState } from './useManuscriptConnection';

const LINK_TEXT: Record<ConnectionState['link'], string> = {
  connecting: 'Connecting…',
  syncing: 'Syncing…',
  connected: 'Connected',
  offline: 'Offline',
};

/** The connection and save state, always in view: a writer should never wonder whether work is safe. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const saved =
    state.link === 'offline' || state.link === 'connecting'
      ? state.allStored
        ? 'Everything saved'
        : state.keptLocally
          ? 'Changes kept on this device'
          : 'Keeping on this device…'
      : state.allStored
        ? 'All changes saved'
        : 'Saving…';
  return (
    <div className="connection-status" data-link={state.link} data-saved={state.allStored} data-testid="connection-status" role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label" data-testid="connection-link">
        {LINK_TEXT[state.link]}
      </span>
      <span className="connection-sep connection-label" aria-hidden="true">
        ·
      </span>
      <span data-testid="connection-saved">{saved}</span>
    </div>
  );
}
