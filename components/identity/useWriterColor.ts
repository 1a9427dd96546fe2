'use client';

import { useState } from 'react';
import { apiCall } from '../http/apiCall';

/**
 * The writer's caret colour, kept with their account (the page is served with it), and a setter
 * that shows the new colour at once and keeps it on the server; if the server refuses, the
 * colour goes back.
 */
export function useWriterColor(served: string): [string, (color: string) => void] {
  const [color, setColor] = useState(served);
  const choose = (chosen: string) => {
    const previous = color;
    setColor(chosen);
    apiCall('/api/account/caret-color', { method: 'PUT', json: { color: chosen } }).catch(() => setColor(previous));
  };
  return [color, choose];
}
