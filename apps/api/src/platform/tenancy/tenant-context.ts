import type { TenantId } from '@guichet/db';
import type { BrandingAssetKind, TenantSettings } from '@guichet/types';
import type { BrandAssetRef } from './brand-asset-paths.js';

/** Everything a request needs to know about its tenant, resolved once from the Host header. */
export interface TenantContext {
  /** Branded: made by the tenant resolution, it is what every repository method takes first. */
  id: TenantId;
  slug: string;
  name: string;
  publicUrl: string;
  status: 'active' | 'disabled';
  settings: TenantSettings;
  /** Settings version: part of every cache key of rendered pages and emails. */
  version: number;
  /** Uploaded logo and favicon; they take the place of the branding URLs. */
  assets?: Partial<Record<BrandingAssetKind, BrandAssetRef>>;
}

export type HostKind = { kind: 'tenant'; tenant: TenantContext } | { kind: 'admin' };
