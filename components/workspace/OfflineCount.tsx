'use client';

import { useSyncExternalStore } from 'react';
import type { SectionDocuments } from './sectionDocuments';

/**
 * How much of the book this browser holds to open and edit offline: "12 of 30 sections
 * available offline", counting up as the background sync brings them in.
 */
export function OfflineCount({ sections, sectionIds }: { sections: SectionDocuments; sectionIds: string }) {
  const ids = sectionIds ? sectionIds.split(' ') : [];
  const available = useSyncExternalStore(
    (notify) => sections.subscribe(notify),
    () => sections.availableOffline(ids),
    () => 0,
  );
  if (ids.length === 0) return null;
  return (
    <span className="offline-count" data-testid="offline-count" title="Sections this browser keeps, to open and edit without a connection">
      {available === ids.length ? 'All sections available offline' : `${available} of ${ids.length} sections available offline`}
    </span>
  );
}
