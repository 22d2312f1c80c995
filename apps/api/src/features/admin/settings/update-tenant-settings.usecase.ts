import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Locale,
  type TenantDetail,
  type TenantSettingsPatch,
  tenantSettingsSchema,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { fieldErrors } from '../../../platform/common/zod-validation.pipe.js';
import type { AdminActor } from '../access/admin-request.js';
import { changedSections, TenantChanges } from '../tenants/tenant-changes.js';
import { tenantDetail } from '../tenants/tenant.queries.js';
import { assertAboveFloor, applySettingsPatch } from './tenant-settings.shared.js';

/**
 * `PATCH settings`: validated whole (an inconsistent result is a 400, never a partial
 * write), the floor enforced, audited with the sections that changed, visible on the portal
 * within a second.
 */
@Injectable()
export class UpdateTenantSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: string,
    patch: TenantSettingsPatch,
    locale: Locale,
  ): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em, current) => {
      const parsed = tenantSettingsSchema.safeParse(applySettingsPatch(current.settings, patch));
      if (!parsed.success)
        throw new BadRequestException({
          error: 'invalid_body',
          message: 'Some settings are invalid.',
          fields: fieldErrors(parsed.error),
        });
      if (patch.passwordPolicy) assertAboveFloor(parsed.data.passwordPolicy, locale);
      const diff = changedSections(current.settings, parsed.data);
      if (!diff) return { result: undefined };
      await em.query('UPDATE tenant_settings SET settings = $2::jsonb WHERE tenant_id = $1', [
        tenantId,
        JSON.stringify(parsed.data),
      ]);
      return {
        result: undefined,
        audit: { action: 'settings.updated', before: diff.before, after: diff.after },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}
