import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded with its own chunk the first time it renders (under a `<Suspense>`):
 * `lazyPage(() => import('./pages/x-page'), 'XPage')`. The import must stay a literal
 * `import()` here, at the call, so the bundler splits it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each page keeps its own type
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
