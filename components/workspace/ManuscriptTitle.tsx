'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { metaMap, readTitle } from '@model/manuscript/manuscriptLayout';

/** The book's title, editable in place and shared with co-writers. */
export function ManuscriptTitle({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const [title, setTitle] = useState(() => readTitle(doc));
  useEffect(() => {
    const read = () => setTitle(readTitle(doc));
    read();
    metaMap(doc).observe(read);
    return () => metaMap(doc).unobserve(read);
  }, [doc]);

  return (
    <input
      className="manuscript-title"
      aria-label="Manuscript title"
      data-testid="manuscript-title"
      value={title}
      placeholder="Untitled manuscript"
      maxLength={200}
      readOnly={readOnly}
      onChange={(event) => {
        setTitle(event.target.value);
        metaMap(doc).set('title', event.target.value);
      }}
    />
  );
}
