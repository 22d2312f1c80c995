import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EMAIL_KINDS,
  type EmailKind,
  type Locale,
  type TemplateListItem,
  type TemplateView,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { loadOverride, view } from './tenant-templates.shared.js';

/** Reads of a tenant's email templates (overrides, or the defaults). */
@Injectable()
export class TenantTemplates {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, locales: readonly Locale[]): Promise<TemplateListItem[]> {
    const rows = await this.dataSource.query<
      { kind: EmailKind; locale: Locale; updatedAt: Date }[]
    >('SELECT kind, locale, updated_at AS "updatedAt" FROM email_templates WHERE tenant_id = $1', [
      tenantId,
    ]);
    return EMAIL_KINDS.flatMap((kind) =>
      locales.map((locale) => {
        const row = rows.find((r) => r.kind === kind && r.locale === locale);
        return {
          kind,
          locale,
          overridden: Boolean(row),
          updatedAt: row ? row.updatedAt.toISOString() : null,
        };
      }),
    );
  }

  async get(tenantId: string, kind: EmailKind, locale: Locale): Promise<TemplateView> {
    return view(kind, locale, await loadOverride(this.dataSource, tenantId, kind, locale));
  }
}
