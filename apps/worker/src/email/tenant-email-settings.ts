import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailTemplate, Tenant, TenantSettingsRow } from '@guichet/db';
import type { TemplateOverrides } from '@guichet/mail';
import type { EmailKind } from '@guichet/types';
import type { DataSource } from 'typeorm';

interface Entry {
  tenant: Tenant;
  settings: TenantSettingsRow;
  overrides: TemplateOverrides;
  loadedAt: number;
}

/** What rendering needs of a tenant, kept a few seconds: an admin change shows on the next emails. */
const TTL_MS = 3000;

@Injectable()
export class TenantEmailSettings {
  private readonly cache = new Map<string, Promise<Entry>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(tenantId: string, kind: EmailKind): Promise<Entry> {
    const key = `${tenantId}:${kind}`;
    const cached = this.cache.get(key);
    if (cached) {
      const entry = await cached.catch(() => null);
      if (entry && Date.now() - entry.loadedAt < TTL_MS) return entry;
    }
    const loading = this.load(tenantId, kind);
    this.cache.set(key, loading);
    loading.catch(() => this.cache.delete(key));
    return loading;
  }

  private async load(tenantId: string, kind: EmailKind): Promise<Entry> {
    const [tenant, settings, templates] = await Promise.all([
      this.dataSource.getRepository(Tenant).findOneByOrFail({ id: tenantId }),
      this.dataSource.getRepository(TenantSettingsRow).findOneByOrFail({ tenantId }),
      this.dataSource.getRepository(EmailTemplate).findBy({ tenantId, kind }),
    ]);
    const overrides: TemplateOverrides = {};
    for (const t of templates)
      (overrides[t.kind] ??= {})[t.locale] = { subject: t.subject, html: t.html, text: t.text };
    return { tenant, settings, overrides, loadedAt: Date.now() };
  }
}
