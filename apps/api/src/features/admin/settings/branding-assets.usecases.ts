import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BrandingAssetKind, BrandingAssetType, BrandingAssetView } from '@guichet/types';
import { checkBrandImage } from '../../branding/brand-image.js';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import { brandingAssetView } from '../tenants/tenant-queries.js';

interface StoredAsset {
  contentType: BrandingAssetType;
  size: number;
  sha256: string;
  updatedAt: Date;
}

const SELECT_STORED = `SELECT content_type AS "contentType", byte_size AS size, sha256, updated_at AS "updatedAt" FROM tenant_assets WHERE tenant_id = $1 AND kind = $2`;

const auditView = (a: StoredAsset | undefined) =>
  a ? { contentType: a.contentType, size: a.size, sha256: a.sha256 } : null;

/**
 * Uploads the tenant's logo or favicon: checked from its bytes (PNG, JPEG, or an SVG that is
 * sanitised), stored in the database, audited; the tenant version is bumped and every API
 * process told, so the portal names its new address at once. The same bytes again change nothing.
 */
@Injectable()
export class UploadBrandingAsset {
  constructor(private readonly changes: TenantChanges) {}

  async execute(
    actor: AdminActor,
    tenant: { id: string; publicUrl: string },
    kind: BrandingAssetKind,
    upload: Buffer,
  ): Promise<BrandingAssetView> {
    const { contentType, content } = await checkBrandImage(kind, upload);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const stored = await this.changes.apply(tenant.id, actor, async (em) => {
      const [before] = await em.query<StoredAsset[]>(SELECT_STORED, [tenant.id, kind]);
      if (before?.sha256 === sha256 && before.contentType === contentType)
        return { result: before };
      const [after] = await em.query<StoredAsset[]>(
        `INSERT INTO tenant_assets (tenant_id, kind, content_type, sha256, byte_size, content, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (tenant_id, kind) DO UPDATE SET content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256, byte_size = EXCLUDED.byte_size, content = EXCLUDED.content, updated_at = now()
         RETURNING content_type AS "contentType", byte_size AS size, sha256, updated_at AS "updatedAt"`,
        [tenant.id, kind, contentType, sha256, content.length, content],
      );
      return {
        result: after!,
        audit: {
          action: 'branding.asset.uploaded',
          targetType: 'branding-asset',
          targetId: kind,
          before: auditView(before),
          after: auditView(after),
        },
      };
    });
    return brandingAssetView(tenant.publicUrl, {
      kind,
      ...stored,
      updatedAt: new Date(stored.updatedAt).toISOString(),
    });
  }
}

/** Removes the uploaded logo or favicon: the branding URL, or the default, is used again. Audited when there was one. */
@Injectable()
export class RemoveBrandingAsset {
  constructor(private readonly changes: TenantChanges) {}

  async execute(actor: AdminActor, tenantId: string, kind: BrandingAssetKind): Promise<void> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const [before] = await em.query<StoredAsset[]>(`${SELECT_STORED} FOR UPDATE`, [
        tenantId,
        kind,
      ]);
      if (!before) return { result: undefined };
      await em.query('DELETE FROM tenant_assets WHERE tenant_id = $1 AND kind = $2', [
        tenantId,
        kind,
      ]);
      return {
        result: undefined,
        audit: {
          action: 'branding.asset.removed',
          targetType: 'branding-asset',
          targetId: kind,
          before: auditView(before),
          after: null,
        },
      };
    });
  }
}
