import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantDetail, type UpdateTenantRequest } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor } from '../access/admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { tenantDetail } from './tenant.queries.js';

/** Name, status or public URL of a tenant (platform admins). */
@Injectable()
export class UpdateTenant {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: string,
    input: UpdateTenantRequest,
  ): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const [before] = await em.query<{ name: string; status: string; publicUrl: string }[]>(
        'SELECT name, status, public_url AS "publicUrl" FROM tenants WHERE id = $1 FOR UPDATE',
        [tenantId],
      );
      const after = {
        name: input.name ?? before!.name,
        status: input.status ?? before!.status,
        publicUrl: input.publicUrl ?? before!.publicUrl,
      };
      const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
        (k) => after[k] !== before![k],
      );
      if (!changed.length) return { result: undefined };
      await em.query(
        'UPDATE tenants SET name = $2, status = $3, public_url = $4, updated_at = now() WHERE id = $1',
        [tenantId, after.name, after.status, after.publicUrl],
      );
      return {
        result: undefined,
        audit: {
          action: 'tenant.updated',
          before: Object.fromEntries(changed.map((k) => [k, before![k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}
