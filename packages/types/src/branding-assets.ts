/** Images a tenant admin uploads for the portal; each replaces the matching URL of `branding`. */
export const BRANDING_ASSET_KINDS = ['logo', 'favicon'] as const;
export type BrandingAssetKind = (typeof BRANDING_ASSET_KINDS)[number];

/** Formats taken (sniffed from the bytes, whatever the name or declared type says). */
export const BRANDING_ASSET_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type BrandingAssetType = (typeof BRANDING_ASSET_TYPES)[number];

/** Largest upload of each kind, in bytes (an SVG is measured before sanitising). */
export const BRANDING_ASSET_MAX_BYTES: Record<BrandingAssetKind, number> = {
  logo: 256 * 1024,
  favicon: 64 * 1024,
};

/**
 * `PUT tenants/:tenantId/branding/:kind` (body: the file, `Content-Type: image/png`,
 * `image/jpeg`, `image/svg+xml` or `application/octet-stream`) → this; `DELETE` → 204 (the
 * URL of `branding`, or the default, again); `GET` → the stored bytes. 413 over the size,
 * 415 for another format, 400 for an SVG with nothing left after sanitising.
 */
export interface BrandingAssetView {
  kind: BrandingAssetKind;
  contentType: BrandingAssetType;
  size: number;
  sha256: string;
  /** Immutable address on the portal's host: a new upload is a new address. */
  url: string;
  updatedAt: string;
}
