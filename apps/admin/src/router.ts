import { useCallback, useEffect, useState } from 'react';

/** Pages of the app, addressed by the URL hash (`#/tenants`), so any path serves index.html. */
export type Route = { name: 'sign-in' } | { name: 'tenants' } | { name: 'not-found'; path: string };

export const HOME: Route = { name: 'tenants' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  switch (path) {
    case '/':
    case '/tenants':
      return { name: 'tenants' };
    case '/sign-in':
      return { name: 'sign-in' };
    default:
      return { name: 'not-found', path };
  }
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'sign-in':
      return '#/sign-in';
    case 'tenants':
      return '#/tenants';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** The current route, following the hash (links, back/forward) and `navigate`. */
export function useHashRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));

  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const href = hrefOf(next);
    if (window.location.hash !== href) {
      if (options.replace) window.history.replaceState(window.history.state, '', href);
      else window.history.pushState(window.history.state, '', href);
    }
    setRoute(next);
  }, []);

  return [route, navigate];
}
