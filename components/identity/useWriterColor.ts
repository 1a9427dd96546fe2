'use client';

import { useEffect, useState } from 'react';
import { loadWriterColor, saveWriterColor } from './writerColor';

/** This browser's caret colour (null until read on the client) and a setter that keeps it. */
export function useWriterColor(): [string | null, (color: string) => void] {
  const [color, setColor] = useState<string | null>(null);
  useEffect(() => {
    const read = () => setColor(loadWriterColor());
    read();
    window.addEventListener('quire:writer-color', read);
    window.addEventListener('storage', read);
    return () => {
      window.removeEventListener('quire:writer-color', read);
      window.removeEventListener('storage', read);
    };
  }, []);
  return [color, saveWriterColor];
}
