import { Injectable } from '@nestjs/common';
import { type TenantId, TenantsRepository } from '@guichet/db';
import type { TenantDetail, UpdateTenantRequest } from '@guichet/types';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { Tenants } from './tenants.queries.js';

/** Name, status or public URL of a tenant (platform admins). */
@Injectable()
export class UpdateTenant {
  constructor(
    private readonly tenants: Tenants,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: UpdateTenantRequest,
  ): Promise<TenantDetail> {
    await this.changes.record(tenantId, actor, async (em) => {
      const tenants = new TenantsRepository(em);
      const before = (await tenants.row(tenantId, true))!;
      const after = {
        name: input.name ?? before.name,
        status: input.status ?? before.status,
        publicUrl: input.publicUrl ?? before.publicUrl,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (k) => after[k] !== before[k],
      );
      if (!changed.length) return null;
      await tenants.update(tenantId, after);
      return {
        action: 'tenant.updated',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      };
    });
    return this.tenants.detail(tenantId);
  }
}
