import type { BrandingAssetKind, BrandingAssetType } from '@guichet/types';

/** An uploaded image as the tenant context knows it: enough to write its address. */
export interface BrandAssetRef {
  sha256: string;
  contentType: BrandingAssetType;
}

const EXTENSIONS: Record<BrandingAssetType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
};
const FILE = /^(logo|favicon)\.([0-9a-f]{16})\.(png|jpg|svg)$/;

/** `/assets/brand/logo.{first 16 hex of sha256}.png`: the content names the address, so it may be cached forever. */
export function brandAssetPath(kind: BrandingAssetKind, ref: BrandAssetRef): string {
  return `/assets/brand/${kind}.${ref.sha256.slice(0, 16)}.${EXTENSIONS[ref.contentType]}`;
}

/** The kind and hash prefix a file name of `brandAssetPath` carries; null for anything else. */
export function parseBrandAssetFile(
  file: string,
): { kind: BrandingAssetKind; hash: string; extension: string } | null {
  const m = FILE.exec(file);
  return m ? { kind: m[1] as BrandingAssetKind, hash: m[2]!, extension: m[3]! } : null;
}

export function matchesRef(
  parsed: { hash: string; extension: string },
  ref: BrandAssetRef | undefined,
): boolean {
  return (
    !!ref && ref.sha256.startsWith(parsed.hash) && EXTENSIONS[ref.contentType] === parsed.extension
  );
}

/**
 * What an uploaded image is served with, on the portal and to the admin app: its sniffed type,
 * no sniffing by the browser, and a policy under which an SVG opened on its own runs nothing
 * and loads nothing (the sanitiser already took scripts out; this holds if it ever missed one).
 */
export function brandAssetHeaders(contentType: BrandingAssetType): Record<string, string> {
  return {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'content-disposition': `inline; filename="image.${EXTENSIONS[contentType]}"`,
  };
}
