import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailTemplatesRepository } from '@guichet/db';
import { TEMPLATE_PARTS } from '@guichet/mail';
import type { EmailKind, Locale, TemplateSource, TemplateView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { AdminActor } from '../access/admin-request.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import {
  assertValidTemplate,
  loadOverride,
  previewTemplate,
  view,
} from './tenant-templates.shared.js';

/** Saves a tenant's template of one kind and locale, once it compiles; the next emails use it. */
@Injectable()
export class SaveTemplate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenant: AdminTenant,
    kind: EmailKind,
    locale: Locale,
    source: TemplateSource,
  ): Promise<TemplateView> {
    assertValidTemplate(source);
    await this.changes.record(tenant.id, actor, async (em, current) => {
      // Renders once with sample data: what compiles must also run.
      previewTemplate(
        { ...tenant, settings: current.settings, version: current.version },
        kind,
        locale,
        source,
      );
      const before = await loadOverride(this.dataSource, tenant.id, kind, locale);
      if (before && TEMPLATE_PARTS.every((p) => before[p] === source[p])) return null;
      await new EmailTemplatesRepository(em).put(tenant.id, kind, locale, source);
      return {
        action: 'template.updated',
        targetType: 'template',
        targetId: `${kind}/${locale}`,
        before: before
          ? { subject: before.subject, html: before.html, text: before.text }
          : { default: true },
        after: { subject: source.subject, html: source.html, text: source.text },
      };
    });
    return view(kind, locale, await loadOverride(this.dataSource, tenant.id, kind, locale));
  }
}
