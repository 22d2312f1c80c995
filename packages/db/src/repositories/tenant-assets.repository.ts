import type { BrandingAssetKind, BrandingAssetType } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { one, type Queryable } from './queryable.js';

/** What is known of a stored asset without its bytes. */
export interface StoredAsset {
  contentType: BrandingAssetType;
  size: number;
  sha256: string;
  updatedAt: Date;
}

export interface AssetContent {
  contentType: BrandingAssetType;
  content: Buffer;
}

const STORED = `content_type AS "contentType", byte_size AS size, sha256, updated_at AS "updatedAt"`;

/** A tenant's uploaded logo and favicon (`tenant_assets`), one of each kind. */
export class TenantAssetsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): TenantAssetsRepository {
    return new TenantAssetsRepository(db);
  }

  stored(tenant: TenantId, kind: BrandingAssetKind, lock = false): Promise<StoredAsset | null> {
    return one<StoredAsset>(
      this.db,
      `SELECT ${STORED} FROM tenant_assets WHERE tenant_id = $1 AND kind = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [tenant, kind],
    );
  }

  /** The bytes: the current ones, or only those with that hash when one is given. */
  content(
    tenant: TenantId,
    kind: BrandingAssetKind,
    sha256?: string,
  ): Promise<AssetContent | null> {
    return one<AssetContent>(
      this.db,
      `SELECT content_type AS "contentType", content FROM tenant_assets
        WHERE tenant_id = $1 AND kind = $2 AND ($3::varchar IS NULL OR sha256 = $3)`,
      [tenant, kind, sha256 ?? null],
    );
  }

  async put(
    tenant: TenantId,
    kind: BrandingAssetKind,
    asset: AssetContent & { sha256: string },
  ): Promise<StoredAsset> {
    const [row] = await this.db.query<StoredAsset[]>(
      `INSERT INTO tenant_assets (tenant_id, kind, content_type, sha256, byte_size, content, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (tenant_id, kind) DO UPDATE SET content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256, byte_size = EXCLUDED.byte_size, content = EXCLUDED.content, updated_at = now()
       RETURNING ${STORED}`,
      [tenant, kind, asset.contentType, asset.sha256, asset.content.length, asset.content],
    );
    return row!;
  }

  async delete(tenant: TenantId, kind: BrandingAssetKind): Promise<void> {
    await this.db.query('DELETE FROM tenant_assets WHERE tenant_id = $1 AND kind = $2', [
      tenant,
      kind,
    ]);
  }
}
