import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantAssetsRepository, type TenantId } from '@guichet/db';
import type { BrandingAssetKind, BrandingAssetView } from '@guichet/types';
import { checkBrandImage } from '../../branding/brand-image.js';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import { brandingAssetView } from '../tenants/tenant-queries.js';
import { auditView } from './branding-assets.shared.js';

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
    tenant: { id: TenantId; publicUrl: string },
    kind: BrandingAssetKind,
    upload: Buffer,
  ): Promise<BrandingAssetView> {
    const { contentType, content } = await checkBrandImage(kind, upload);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const stored = await this.changes.apply(tenant.id, actor, async (em) => {
      const assets = new TenantAssetsRepository(em);
      const before = await assets.stored(tenant.id, kind);
      if (before?.sha256 === sha256 && before.contentType === contentType)
        return { result: before };
      const after = await assets.put(tenant.id, kind, { contentType, content, sha256 });
      return {
        result: after,
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
