import type { TenantSettings } from '@guichet/types';

/** Everything a request needs to know about its tenant, resolved once from the Host header. */
export interface TenantContext {
  id: string;
  slug: string;
  name: string;
  publicUrl: string;
  status: 'active' | 'disabled';
  settings: TenantSettings;
  /** Settings version: part of every cache key of rendered pages and emails. */
  version: number;
}

export type HostKind = { kind: 'tenant'; tenant: TenantContext } | { kind: 'admin' };

export const CLS_TENANT = 'tenant';
export const CLS_HOST = 'host';
