'use client';

import { useSyncExternalStore } from 'react';
import type { SectionDocuments } from './sectionDocuments';

/**
 * How much of the book this browser holds to open and edit offline: "12 of 30 sections
 * available offline", counting up as the background sync brings them in. `inMenu`: the copy in
 * the header's menu, for screens whose header has no room for it.
 */
export function OfflineCount({ sections, sectionIds, inMenu = false }: { sections: SectionDocuments; sectionIds: string; inMenu?: boolean }) {
  const ids = sectionIds ? sectionIds.split(' ') : [];
  const available = useSyncExternalStore(
    (notify) => sections.subscribe(notify),
    () => sections.availableOffline(ids),
    () => 0,
  );
  if (ids.length === 0) return null;
  return (
    <span className={inMenu ? 'offline-count in-menu' : 'offline-count'} data-testid={inMenu ? undefined : 'offline-count'} title="Sections this browser keeps, to open and edit without a connection">
      {available === ids.length ? 'All sections available offline' : `${available} of ${ids.length} sections available offline`}
    </span>
  );
}
