'use client';

import { useEffect, useState } from 'react';
import { loadWriterIdentity, saveWriterIdentity, type WriterIdentity } from './writerIdentity';

/** The writer's identity in this browser (null until read on the client) and a setter that keeps it. */
export function useWriterIdentity(): [WriterIdentity | null, (identity: WriterIdentity) => void] {
  const [identity, setIdentity] = useState<WriterIdentity | null>(null);
  useEffect(() => {
    const read = () => setIdentity(loadWriterIdentity());
    read();
    window.addEventListener('quire:writer', read);
    window.addEventListener('storage', read);
    return () => {
      window.removeEventListener('quire:writer', read);
      window.removeEventListener('storage', read);
    };
  }, []);
  return [identity, saveWriterIdentity];
}
