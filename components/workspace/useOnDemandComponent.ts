'use client';

import { useCallback, useState, type ComponentType } from 'react';

/**
 * A component whose code is fetched on demand, without suspending: `load()` starts the import (or
 * reuses it: the bundler keeps one per module) and `Component` is set once the code is here, null
 * before. Through `next/dynamic` (React.lazy) the first render would suspend, and React holds a
 * suspended part's reveal back for up to 300 ms after its fallback shows, even when the code was
 * fetched in advance and arrives at once.
 */
export function useOnDemandComponent<P>(loader: () => Promise<ComponentType<P>>): { Component: ComponentType<P> | null; load: () => void } {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  const load = useCallback(() => {
    void loader().then((loaded) => setComponent(() => loaded));
  }, [loader]);
  return { Component, load };
}
