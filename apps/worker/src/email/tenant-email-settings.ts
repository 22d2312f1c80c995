import { Injectable } from '@nestjs/common';
import {
  EmailTemplatesRepository,
  type SmtpRow,
  type TenantId,
  type TenantRow,
  TenantSettingsRepository,
  TenantsRepository,
} from '@guichet/db';
import type { TemplateOverrides } from '@guichet/mail';
import type { EmailKind, TenantSettings } from '@guichet/types';

interface Entry {
  tenant: TenantRow;
  settings: { settings: TenantSettings; smtp: SmtpRow; version: number };
  overrides: TemplateOverrides;
  loadedAt: number;
}

/** What rendering needs of a tenant, kept a few seconds: an admin change shows on the next emails. */
const TTL_MS = 3000;

@Injectable()
export class TenantEmailSettings {
  private readonly cache = new Map<string, Promise<Entry>>();

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly settings: TenantSettingsRepository,
    private readonly templates: EmailTemplatesRepository,
  ) {}

  async get(tenantId: TenantId, kind: EmailKind): Promise<Entry> {
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

  private async load(tenantId: TenantId, kind: EmailKind): Promise<Entry> {
    const [tenant, settings, templates] = await Promise.all([
      this.tenants.row(tenantId),
      this.settings.row(tenantId),
      this.templates.ofKind(tenantId, kind),
    ]);
    if (!tenant || !settings) throw new Error(`tenant ${tenantId} not found`);
    const overrides: TemplateOverrides = {};
    for (const t of templates)
      (overrides[t.kind] ??= {})[t.locale] = { subject: t.subject, html: t.html, text: t.text };
    return { tenant, settings, overrides, loadedAt: Date.now() };
  }
}
