import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailTemplatesRepository, type TenantId } from '@guichet/db';
import {
  EMAIL_KINDS,
  type EmailKind,
  type Locale,
  type TemplateListItem,
  type TemplateView,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { Tenants } from '../tenants/tenants.queries.js';
import { loadOverride, view } from './tenant-templates.shared.js';

/** Reads of a tenant's email templates (overrides, or the defaults). */
@Injectable()
export class TenantTemplates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: Tenants,
  ) {}

  /** Every kind in each of the tenant's languages, and whether the tenant overrides it. */
  async list(tenantId: TenantId): Promise<TemplateListItem[]> {
    const { locales } = (await this.tenants.detail(tenantId)).settings;
    const rows = await new EmailTemplatesRepository(this.dataSource).list(tenantId);
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

  async get(tenantId: TenantId, kind: EmailKind, locale: Locale): Promise<TemplateView> {
    return view(kind, locale, await loadOverride(this.dataSource, tenantId, kind, locale));
  }
}
