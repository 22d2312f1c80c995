import { useCallback, useEffect, useState } from 'react';

/** Sections of a tenant, in menu order. */
export const TENANT_SECTIONS = [
  'overview',
  'branding',
  'username-rule',
  'password-policy',
  'access',
  'email',
  'templates',
  'accounts',
  'directory',
  'applications',
  'provisioning',
  'deliveries',
  'audit',
] as const;
export type TenantSection = (typeof TENANT_SECTIONS)[number];

/** Pages of the app, addressed by the URL hash (`#/tenants/…`), so any path serves index.html. */
export type Route =
  | { name: 'sign-in' }
  | { name: 'tenants' }
  | { name: 'admins' }
  | { name: 'audit' }
  | { name: 'account' }
  | { name: 'tenant'; tenantId: string; section: TenantSection }
  | { name: 'template'; tenantId: string; kind: string; locale: string }
  | { name: 'not-found'; path: string };

export const HOME: Route = { name: 'tenants' };

function isSection(value: string | undefined): value is TenantSection {
  return (TENANT_SECTIONS as readonly string[]).includes(value ?? '');
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [first, id, section, kind, locale, ...rest] = parts;
  if (parts.length === 0) return HOME;
  if (parts.length === 1) {
    if (first === 'tenants') return { name: 'tenants' };
    if (first === 'sign-in') return { name: 'sign-in' };
    if (first === 'admins') return { name: 'admins' };
    if (first === 'audit') return { name: 'audit' };
    if (first === 'account') return { name: 'account' };
  }
  if (first === 'tenants' && id) {
    if (parts.length === 2) return { name: 'tenant', tenantId: id, section: 'overview' };
    if (parts.length === 3 && isSection(section)) return { name: 'tenant', tenantId: id, section };
    if (section === 'templates' && kind && locale && rest.length === 0)
      return { name: 'template', tenantId: id, kind, locale };
  }
  return { name: 'not-found', path };
}

const enc = encodeURIComponent;

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'sign-in':
    case 'tenants':
    case 'admins':
    case 'audit':
    case 'account':
      return `#/${route.name}`;
    case 'tenant':
      return `#/tenants/${enc(route.tenantId)}/${route.section}`;
    case 'template':
      return `#/tenants/${enc(route.tenantId)}/templates/${enc(route.kind)}/${enc(route.locale)}`;
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
    setRoute(parseHash(href));
  }, []);

  return [route, navigate];
}
