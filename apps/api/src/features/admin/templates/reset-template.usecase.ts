import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EmailKind, type Locale, type TemplateView } from '@guichet/types';
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
    tenantId: string,
    kind: EmailKind,
    locale: Locale,
  ): Promise<TemplateView> {
    await this.changes.apply(tenantId, actor, async (em) => {
      const before = await loadOverride(this.dataSource, tenantId, kind, locale);
      if (!before) return { result: undefined };
      await em.query(
        'DELETE FROM email_templates WHERE tenant_id = $1 AND kind = $2 AND locale = $3',
        [tenantId, kind, locale],
      );
      return {
        result: undefined,
        audit: {
          action: 'template.reset',
          targetType: 'template',
          targetId: `${kind}/${locale}`,
          before: { subject: before.subject, html: before.html, text: before.text },
          after: { default: true },
        },
      };
    });
    return view(kind, locale, null);
  }
}
