import type { TenantSettingsRow } from '@guichet/db';
import {
  BRANDING_ASSET_KINDS,
  type BrandingAssetKind,
  type BrandingAssetType,
  type BrandingAssetView,
  type SmtpSettingsView,
  type TenantDetail,
  type TenantSettings,
} from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import { brandAssetPath } from '../../branding/brand-asset-paths.js';

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
  assets:
    | {
        kind: BrandingAssetKind;
        contentType: BrandingAssetType;
        size: number;
        sha256: string;
        updatedAt: string;
      }[]
    | null;
}

/** An uploaded image as the admin app shows it, with its address on the tenant's portal. */
export function brandingAssetView(
  publicUrl: string,
  asset: Omit<BrandingAssetView, 'url'>,
): BrandingAssetView {
  return { ...asset, url: new URL(brandAssetPath(asset.kind, asset), publicUrl).href };
}

/** The SMTP settings as an admin sees them: never the password, only whether there is one. */
export function smtpView(
  settings: TenantSettings,
  smtp: TenantSettingsRow['smtp'],
): SmtpSettingsView {
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
export async function tenantDetail(
  db: DataSource | EntityManager,
  tenantId: string,
): Promise<TenantDetail | null> {
  const [row] = await db.query<DetailRow[]>(
    `SELECT t.id, t.slug, t.name, t.public_url AS "publicUrl", t.status, t.created_at AS "createdAt",
            GREATEST(t.updated_at, s.updated_at) AS "updatedAt", s.settings, s.smtp, s.version,
            ARRAY(SELECT h.host_name FROM tenant_hosts h WHERE h.tenant_id = t.id ORDER BY h.is_primary DESC, h.host_name)::text[] AS "hostNames",
            (SELECT jsonb_agg(jsonb_build_object('kind', a.kind, 'contentType', a.content_type, 'size', a.byte_size, 'sha256', a.sha256, 'updatedAt', a.updated_at))
               FROM tenant_assets a WHERE a.tenant_id = t.id) AS assets
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
    brandingAssets: Object.fromEntries(
      BRANDING_ASSET_KINDS.map((kind) => {
        const asset = row.assets?.find((a) => a.kind === kind);
        return [
          kind,
          asset
            ? brandingAssetView(row.publicUrl, {
                ...asset,
                updatedAt: new Date(asset.updatedAt).toISOString(),
              })
            : null,
        ];
      }),
    ) as TenantDetail['brandingAssets'],
  };
}
