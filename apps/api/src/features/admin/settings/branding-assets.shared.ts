import type { BrandingAssetType } from '@guichet/types';

export interface StoredAsset {
  contentType: BrandingAssetType;
  size: number;
  sha256: string;
  updatedAt: Date;
}

export const SELECT_STORED = `SELECT content_type AS "contentType", byte_size AS size, sha256, updated_at AS "updatedAt" FROM tenant_assets WHERE tenant_id = $1 AND kind = $2`;

export const auditView = (a: StoredAsset | undefined) =>
  a ? { contentType: a.contentType, size: a.size, sha256: a.sha256 } : null;
