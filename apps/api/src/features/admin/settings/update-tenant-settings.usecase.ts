import { BadRequestException, Injectable } from '@nestjs/common';
import { type TenantId, TenantSettingsRepository } from '@guichet/db';
import {
  type Locale,
  type TenantDetail,
  type TenantSettingsPatch,
  tenantSettingsSchema,
} from '@guichet/types';
import { fieldErrors } from '../../../platform/common/zod-validation.pipe.js';
import type { AdminActor } from '../access/admin-request.js';
import { changedSections, TenantChanges } from '../tenants/tenant-changes.js';
import { Tenants } from '../tenants/tenants.queries.js';
import { applySettingsPatch, assertAboveFloor } from './tenant-settings.shared.js';

/**
 * `PATCH settings`: validated whole (an inconsistent result is a 400, never a partial
 * write), the floor enforced, audited with the sections that changed, visible on the portal
 * within a second.
 */
@Injectable()
export class UpdateTenantSettings {
  constructor(
    private readonly tenants: Tenants,
    private readonly settings: TenantSettingsRepository,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    patch: TenantSettingsPatch,
    locale: Locale,
  ): Promise<TenantDetail> {
    await this.changes.record(tenantId, actor, async (em, current) => {
      const parsed = tenantSettingsSchema.safeParse(applySettingsPatch(current.settings, patch));
      if (!parsed.success)
        throw new BadRequestException({
          error: 'invalid_body',
          message: 'Some settings are invalid.',
          fields: fieldErrors(parsed.error),
        });
      if (patch.passwordPolicy) assertAboveFloor(parsed.data.passwordPolicy, locale);
      const diff = changedSections(current.settings, parsed.data);
      if (!diff) return null;
      await this.settings.in(em).replace(tenantId, parsed.data);
      return { action: 'settings.updated', before: diff.before, after: diff.after };
    });
    return this.tenants.detail(tenantId);
  }
}
