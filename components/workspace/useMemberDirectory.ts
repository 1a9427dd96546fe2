'use client';

import { useEffect, useState } from 'react';
import { apiCall } from '../http/apiCall';
import type { MemberListing } from '@model/api/memberListing';

/** The manuscript's members by user id: their names, and the caret colours their accounts have. */
export interface MemberDirectory {
  names: ReadonlyMap<string, string>;
  colors: ReadonlyMap<string, string>;
}

const NONE: MemberDirectory = { names: new Map(), colors: new Map() };

/**
 * The manuscript's members' names and colours by user id (to say who made a suggestion, in their
 * own colour), read once when the room opens and again when `version` changes. Empty until read,
 * or if it cannot be.
 */
export function useMemberDirectory(manuscriptId: string, version = 0): MemberDirectory {
  const [directory, setDirectory] = useState(NONE);
  useEffect(() => {
    let cancelled = false;
    apiCall<{ members: MemberListing[] }>(`/api/manuscripts/${manuscriptId}/members`)
      .then(({ members }) => {
        if (cancelled) return;
        setDirectory({
          names: new Map(members.map((member) => [member.userId, member.name])),
          colors: new Map(members.flatMap((member) => (member.color ? [[member.userId, member.color] as const] : []))),
        });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [manuscriptId, version]);
  return directory;
}
