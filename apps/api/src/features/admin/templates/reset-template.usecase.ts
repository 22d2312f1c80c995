import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailTemplatesRepository, type TenantId } from '@guichet/db';
import type { EmailKind, Locale, TemplateView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import { loadOverride, view } from './tenant-templates.shared.js';

/** Removes a tenant's template of one kind and locale: the default is used again. */
@Injectable()
export class ResetTemplate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    kind: EmailKind,
    locale: Locale,
  ): Promise<TemplateView> {
    await this.changes.record(tenantId, actor, async (em) => {
      const before = await loadOverride(this.dataSource, tenantId, kind, locale);
      if (!before) return null;
      await new EmailTemplatesRepository(em).delete(tenantId, kind, locale);
      return {
        action: 'template.reset',
        targetType: 'template',
        targetId: `${kind}/${locale}`,
        before: { subject: before.subject, html: before.html, text: before.text },
        after: { default: true },
      };
    });
    return view(kind, locale, null);
  }
}
