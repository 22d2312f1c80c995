import type { Locale, TenantSettings } from '@guichet/types';
import type { TenantSettingsRow } from '../entities/tenant-settings.entity.js';
import type { TenantId } from '../tenant-id.js';
import { one, type Queryable } from './queryable.js';

export type SmtpRow = TenantSettingsRow['smtp'];

/** A tenant's configuration (`tenant_settings`), one row per tenant, versioned. */
export class TenantSettingsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): TenantSettingsRepository {
    return new TenantSettingsRepository(db);
  }

  get(tenant: TenantId): Promise<{ settings: TenantSettings; version: number } | null> {
    return one(this.db, 'SELECT settings, version FROM tenant_settings WHERE tenant_id = $1', [
      tenant,
    ]);
  }

  /** The whole row: settings, SMTP server (password encrypted) and version. */
  row(
    tenant: TenantId,
  ): Promise<{ settings: TenantSettings; smtp: SmtpRow; version: number } | null> {
    return one(
      this.db,
      'SELECT settings, smtp, version FROM tenant_settings WHERE tenant_id = $1',
      [tenant],
    );
  }

  async defaultLocale(tenant: TenantId): Promise<Locale | null> {
    const row = await one<{ locale: Locale | null }>(
      this.db,
      `SELECT settings->>'defaultLocale' AS locale FROM tenant_settings WHERE tenant_id = $1`,
      [tenant],
    );
    return row?.locale ?? null;
  }

  /** The row under lock, for a change (one admin change of a tenant at a time). */
  lock(
    tenant: TenantId,
  ): Promise<{ settings: TenantSettings; smtp: SmtpRow; version: number } | null> {
    return one(
      this.db,
      'SELECT settings, smtp, version FROM tenant_settings WHERE tenant_id = $1 FOR UPDATE',
      [tenant],
    );
  }

  /** A new version: caches of pages and emails keyed by it are left behind. */
  async bumpVersion(tenant: TenantId): Promise<void> {
    await this.db.query(
      'UPDATE tenant_settings SET version = version + 1, updated_at = now() WHERE tenant_id = $1',
      [tenant],
    );
  }

  async insert(tenant: TenantId, settings: TenantSettings): Promise<void> {
    await this.db.query(
      'INSERT INTO tenant_settings (tenant_id, settings, smtp, version) VALUES ($1, $2::jsonb, NULL, 1)',
      [tenant, JSON.stringify(settings)],
    );
  }

  async replace(tenant: TenantId, settings: TenantSettings): Promise<void> {
    await this.db.query('UPDATE tenant_settings SET settings = $2::jsonb WHERE tenant_id = $1', [
      tenant,
      JSON.stringify(settings),
    ]);
  }

  async replaceWithSmtp(tenant: TenantId, settings: TenantSettings, smtp: SmtpRow): Promise<void> {
    await this.db.query(
      'UPDATE tenant_settings SET smtp = $2::jsonb, settings = $3::jsonb WHERE tenant_id = $1',
      [tenant, smtp ? JSON.stringify(smtp) : null, JSON.stringify(settings)],
    );
  }
}
