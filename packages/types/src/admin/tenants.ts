/** The admin API: tenants and host names. */
import { z } from 'zod';
import type { BrandingAssetKind, BrandingAssetView } from '../branding-assets.js';
import { localeSchema } from '../locale.js';
import { type TenantSettings } from '../tenant-settings.js';
import { hostNameSchema, slugSchema, type TenantSummary } from '../tenant.js';

import { line } from './common.js';

export const TENANT_STATUSES = ['active', 'disabled'] as const;
export const tenantStatusSchema = z.enum(TENANT_STATUSES);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

/**
 * `POST tenants` (platform admins) → 201 `TenantDetail`: default settings, the host
 * `{slug}.{BASE_DOMAIN}` and a public URL on it. 409 when the slug or the host is taken.
 */
export const createTenantRequestSchema = z
  .object({
    slug: slugSchema,
    name: line(200),
    defaultLocale: localeSchema.optional(),
  })
  .strict();
export type CreateTenantRequest = z.infer<typeof createTenantRequestSchema>;

/**
 * `PATCH tenants/:tenantId` (platform admins) → `TenantDetail`. A disabled tenant's hosts
 * answer 404. `publicUrl` is the base of every emailed link (e.g. after adding a custom domain).
 */
export const updateTenantRequestSchema = z
  .object({
    name: line(200).optional(),
    status: tenantStatusSchema.optional(),
    publicUrl: z
      .url()
      .max(500)
      .refine(
        (u) => /^https?:\/\/[^/]+\/?$/.test(u),
        'an http(s) origin such as https://portail.example.ca',
      )
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['_'] });
export type UpdateTenantRequest = z.input<typeof updateTenantRequestSchema>;

/** `POST tenants/:tenantId/hosts` (platform admins) → 201 `TenantDetail`; 409 when another tenant (or this one) has it. */
export const addHostRequestSchema = z.object({ hostName: hostNameSchema }).strict();
export type AddHostRequest = z.infer<typeof addHostRequestSchema>;
// `DELETE tenants/:tenantId/hosts/:hostName` (platform admins) → `TenantDetail`; 409 for the last host.

/** `GET tenants/:tenantId/smtp`, and `smtp` of a `TenantDetail`. The password is never returned. */
export interface SmtpSettingsView {
  /** True when the tenant has no SMTP server of its own: the platform's SMTP_URL sends its emails. */
  usingPlatformDefault: boolean;
  host: string | null;
  port: number | null;
  secure: boolean;
  username: string | null;
  passwordSet: boolean;
  /** The sender of the tenant's emails (the `email` section of the settings). */
  fromAddress: string;
  fromName: string;
  replyTo: string | null;
}

/** `GET tenants/:tenantId` and the answer of every change to a tenant. */
export interface TenantDetail extends TenantSummary {
  settings: TenantSettings;
  smtp: SmtpSettingsView;
  /** Bumped by every change of settings, SMTP or templates. */
  version: number;
  updatedAt: string;
  /** Uploaded logo and favicon (null: the URL of `branding`, or the default). */
  brandingAssets: Record<BrandingAssetKind, BrandingAssetView | null>;
}
