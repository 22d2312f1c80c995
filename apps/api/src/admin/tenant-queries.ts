import type { TenantSettingsRow } from '@guichet/db';
import type { SmtpSettingsView, TenantDetail, TenantSettings } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';

interface DetailRow {
  id: string;
  slug: string;
  name: string;
  publicUrl: string;
  status: 'active' | 'disabled';
  createdAt: Date;
  updatedAt: Date;
  settings: TenantSettings;
  smtp: TenantSettingsRow['smtp'];
  version: number;
  hostNames: string[];
}

/** The SMTP settings as an admin sees them: never the password, only whether there is one. */
export function smtpView(settings: TenantSettings, smtp: TenantSettingsRow['smtp']): SmtpSettingsView {
  return {
    usingPlatformDefault: smtp === null,
    host: smtp?.host ?? null,
    port: smtp?.port ?? null,
    secure: smtp?.secure ?? false,
    username: smtp?.user ?? null,
    passwordSet: Boolean(smtp?.passwordCiphertext),
    fromAddress: settings.email.senderAddress,
    fromName: settings.email.senderName,
    replyTo: settings.email.replyTo,
  };
}

/** A tenant with its settings, host names and SMTP view; null when there is none with that id. */
export async function tenantDetail(db: DataSource | EntityManager, tenantId: string): Promise<TenantDetail | null> {
  const [row] = await db.query<DetailRow[]>(
    `SELECT t.id, t.slug, t.name, t.public_url AS "publicUrl", t.status, t.created_at AS "createdAt",
            GREATEST(t.updated_at, s.updated_at) AS "updatedAt", s.settings, s.smtp, s.version,
            ARRAY(SELECT h.host_name FROM tenant_hosts h WHERE h.tenant_id = t.id ORDER BY h.is_primary DESC, h.host_name)::text[] AS "hostNames"
       FROM tenants t JOIN tenant_settings s ON s.tenant_id = t.id
      WHERE t.id = $1`,
    [tenantId],
  );
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    publicUrl: row.publicUrl,
    hostNames: row.hostNames,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    settings: row.settings,
    smtp: smtpView(row.settings, row.smtp),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
