import { Injectable } from '@nestjs/common';
import type { BrandingAssetKind } from '@guichet/types';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import { StoredAsset, SELECT_STORED, auditView } from './branding-assets.shared.js';

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
