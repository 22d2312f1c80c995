import { type Queryable, type SmtpRow, type TenantId, TenantsRepository } from '@guichet/db';
import {
  BRANDING_ASSET_KINDS,
  type BrandingAssetView,
  type SmtpSettingsView,
  type TenantDetail,
  type TenantSettings,
} from '@guichet/types';
import { brandAssetPath } from '../../../platform/tenancy/brand-asset-paths.js';

/** An uploaded image as the admin app shows it, with its address on the tenant's portal. */
export function brandingAssetView(
  publicUrl: string,
  asset: Omit<BrandingAssetView, 'url'>,
): BrandingAssetView {
  return { ...asset, url: new URL(brandAssetPath(asset.kind, asset), publicUrl).href };
}

/** The SMTP settings as an admin sees them: never the password, only whether there is one. */
export function smtpView(settings: TenantSettings, smtp: SmtpRow): SmtpSettingsView {
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
  db: Queryable,
  tenantId: TenantId,
): Promise<TenantDetail | null> {
  const row = await new TenantsRepository(db).detail(tenantId);
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
        const asset = row.assets.find((a) => a.kind === kind);
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
