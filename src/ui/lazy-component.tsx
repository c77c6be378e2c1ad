import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use, in its own chunk, so screens a judge does not
 * need on every visit stay out of the first download (PERFORMANCE.md: judge path ≤ 60 kB).
 * Renders `fallback` until the chunk is there; offline it comes from the service worker.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: () => preact.JSX.Element | null = () => null,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      void load().then((c) => {
        loaded = c;
        setComponent(() => c);
      });
    }, [component]);
    const Component = component;
    return Component ? <Component {...props} /> : fallback();
  };
}
