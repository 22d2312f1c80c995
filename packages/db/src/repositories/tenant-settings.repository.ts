import type { Locale, TenantSettings } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { one, type Queryable } from './queryable.js';

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

  async defaultLocale(tenant: TenantId): Promise<Locale | null> {
    const row = await one<{ locale: Locale | null }>(
      this.db,
      `SELECT settings->>'defaultLocale' AS locale FROM tenant_settings WHERE tenant_id = $1`,
      [tenant],
    );
    return row?.locale ?? null;
  }
}
