import { Injectable } from '@nestjs/common';
import { TenantAssetsRepository, type TenantId } from '@guichet/db';
import type { BrandingAssetKind } from '@guichet/types';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import { auditView } from './branding-assets.shared.js';

/** Removes the uploaded logo or favicon: the branding URL, or the default, is used again. Audited when there was one. */
@Injectable()
export class RemoveBrandingAsset {
  constructor(private readonly changes: TenantChanges) {}

  async execute(actor: AdminActor, tenantId: TenantId, kind: BrandingAssetKind): Promise<void> {
    await this.changes.record(tenantId, actor, async (em) => {
      const assets = new TenantAssetsRepository(em);
      const before = await assets.stored(tenantId, kind, true);
      if (!before) return null;
      await assets.delete(tenantId, kind);
      return {
        action: 'branding.asset.removed',
        targetType: 'branding-asset',
        targetId: kind,
        before: auditView(before),
        after: null,
      };
    });
  }
}
