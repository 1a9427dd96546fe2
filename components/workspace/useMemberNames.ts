'use client';

import { useEffect, useState } from 'react';
import { apiCall } from '../http/apiCall';
import type { MemberListing } from '@model/api/memberListing';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The manuscript's members' names by user id (to say who made a suggestion), read once when the
 * room opens and again when `version` changes. Empty until read, or if it cannot be.
 */
export function useMemberNames(manuscriptId: string, version = 0): ReadonlyMap<string, string> {
  const [names, setNames] = useState(NONE);
  useEffect(() => {
    let cancelled = false;
    apiCall<{ members: MemberListing[] }>(`/api/manuscripts/${manuscriptId}/members`)
      .then(({ members }) => {
        if (!cancelled) setNames(new Map(members.map((member) => [member.userId, member.name])));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [manuscriptId, version]);
  return names;
}
