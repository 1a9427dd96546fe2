'use client';

import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { hasSectionContent } from '@model/manuscript/sectionDocument';
import type { ManuscriptConnection } from './useManuscriptConnection';
import type { SectionConnection } from './sectionDocuments';

/** The section on screen: its live connection, and whether its text is here to edit. */
export interface OpenSection {
  section: SectionConnection | null;
  /** The text has arrived (from this browser's copy, the page, or the server). */
  ready: boolean;
  /** Not here, and neither this browser nor the server can provide it right now. */
  unavailable: boolean;
}

/**
 * Opens the section on screen through the manuscript's section documents and lets it go when
 * another is chosen. `served` is the section's state as the page was served (when it is the one
 * the page opened with), applied at once so the editor does not wait for a socket.
 */
export function useOpenSection(
  connection: ManuscriptConnection | null,
  sectionId: string | null,
  kind: SectionKind | null,
  served?: { sectionId: string; state: Uint8Array },
): OpenSection {
  const [open, setOpen] = useState<OpenSection>({ section: null, ready: false, unavailable: false });

  useEffect(() => {
    if (!connection || !sectionId || !kind) return;
    const section = connection.sections.open(sectionId, kind);
    // As if from the server (it is the server's state): not sent back, not counted as unsaved.
    if (served?.sectionId === sectionId) Y.applyUpdateV2(section.doc, served.state, section.provider);
    let localDone = false;
    const read = () =>
      setOpen({
        section,
        ready: hasSectionContent(section.doc),
        unavailable: !hasSectionContent(section.doc) && localDone && !section.provider.wsconnected,
      });
    read();
    void section.local.whenSynced.then(() => {
      localDone = true;
      read();
    });
    section.doc.on('update', read);
    section.provider.on('status', read);
    return () => {
      section.doc.off('update', read);
      section.provider.off('status', read);
      connection.sections.release(sectionId);
      setOpen({ section: null, ready: false, unavailable: false });
    };
    // The served state is only for the section the page opened with, read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection, sectionId, kind]);

  return open;
}
