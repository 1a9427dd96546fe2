'use client';

import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { SectionListItem } from './useSectionList';

interface Present {
  clientId: number;
  name: string;
  color: string;
  sectionId?: string;
  isSelf: boolean;
}

/** Who has this manuscript open right now, and which section each of them is in. */
export function PresenceList({ provider, sections }: { provider: WebsocketProvider; sections: SectionListItem[] }) {
  const [present, setPresent] = useState<Present[]>([]);

  useEffect(() => {
    const { awareness } = provider;
    const read = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name?: string; color?: string } | undefined;
        if (!user?.name) return;
        list.push({
          clientId,
          name: user.name,
          color: user.color ?? '#555',
          sectionId: typeof state.section === 'string' ? state.section : undefined,
          isSelf: clientId === awareness.clientID,
        });
      });
      list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
      setPresent(list);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [provider]);

  return (
    <ul className="presence" aria-label="Who is here" data-testid="presence">
      {present.map((person) => {
        const where = sections.find((s) => s.id === person.sectionId)?.label;
        return (
          <li key={person.clientId} title={where ? `${person.name} — in ${where}` : person.name} data-testid="presence-item">
            <span className="presence-dot" style={{ background: person.color }} />
            <span className="presence-name">
              {person.name}
              {person.isSelf ? ' (you)' : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
