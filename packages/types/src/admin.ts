/**
 * The admin API (`/api/v1/admin/…` on `admin.{BASE_DOMAIN}`): every request and response
 * body, shared by the API (validation) and the admin app (forms, typed client).
 *
 * Access: a platform admin acts on every tenant; a tenant admin only on the tenants of its
 * `tenantIds`. Any other tenant answers 404, exactly as a tenant that does not exist.
 * Errors are `ApiError` bodies (`{ error, message, fields? }`); a 400 names the fields.
 */
import { z } from 'zod';
import type { ApiError, ImportReport } from './api.js';
import type { BrandingAssetKind, BrandingAssetView } from './branding-assets.js';
import { DELIVERY_STATUSES, EMAIL_KINDS, type DeliveryStatus, type EmailKind } from './jobs.js';
import { localeSchema, type Locale } from './locale.js';
import { safeString } from './safe-text.js';
import { hostNameSchema, slugSchema, type TenantSummary } from './tenant.js';
import {
  brandingSchema,
  cidrSchema,
  emailSettingsSchema,
  featuresSchema,
  lockoutSchema,
  passwordPolicySchema,
  tenantTextsSchema,
  tokenLifetimesSchema,
  urlOrPathSchema,
  usernameRuleSchema,
  type PasswordPolicy,
  type TenantSettings,
  type UsernameRule,
} from './tenant-settings.js';

export type { ImportReport };

/** No control characters (a NUL byte would reach PostgreSQL as an error, not a 4xx). */
const noControl = (v: string) => !/\p{Cc}/u.test(v);
/** Text fields refuse control characters and lone surrogates (see safe-text.ts): PostgreSQL refuses them with an error. */
const line = (max: number) => safeString().trim().min(1).max(max);
const uuid = z.uuid();
const email = z.email().max(320);

// ───────────────────────────── Sign-in and the signed-in admin ─────────────────────────────

export const ADMIN_ROLES = ['platform-admin', 'tenant-admin'] as const;
export const adminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof adminRoleSchema>;

/** A 6-digit code of an authenticator app (RFC 6238, 30 s, SHA-1). */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'the 6-digit code of your authenticator app');

/**
 * `POST auth/login`. `totpCode` is required once the admin turned the second factor on
 * (`totp` is the former name of the field, still accepted).
 */
export const adminLoginRequestSchema = z
  .object({
    email,
    password: z.string().min(1).max(1024),
    totpCode: totpCodeSchema.optional(),
    totp: totpCodeSchema.optional(),
  })
  .strict();
export type AdminLoginRequest = z.infer<typeof adminLoginRequestSchema>;

/**
 * `error` of a 401 from `POST auth/login`: `totp_required` when the email and password are
 * right but the second-factor code is missing or wrong (show the code field); otherwise
 * `invalid_credentials` (unknown email, wrong password, disabled or locked account alike).
 */
export type AdminLoginError = 'invalid_credentials' | 'totp_required';

/** `GET me`, and the admin in a sign-in response. */
export interface AdminView {
  id: string;
  email: string;
  role: AdminRole;
  /** Tenants a tenant admin may manage (empty for a platform admin, who may manage all). */
  tenantIds: string[];
  totpEnabled: boolean;
}

export interface AdminLoginResponse {
  /** Bearer token for the admin API (audience `guichet-admin`; refused on every portal). */
  accessToken: string;
  /** The same token as `accessToken`. */
  token: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  admin: AdminView;
}

/** `POST me/totp/setup`: a new secret, not active until `POST me/totp/enable` with a code from it. */
export interface TotpSetupResponse {
  /** Base32 secret, to type in by hand. */
  secret: string;
  /** `otpauth://totp/…` URI, to show as a QR code. */
  otpauthUrl: string;
}

/**
 * `POST me/totp/enable` → 200 `TotpEnabledResponse`: the admin, and a new token for this
 * session, since turning the second factor on ends every token issued before (this one too).
 */
export interface TotpEnabledResponse extends AdminView {
  accessToken: string;
  /** Seconds until `accessToken` expires. */
  expiresIn: number;
}

/** `POST me/totp/enable` and `POST me/totp/disable` (→ 200 `AdminView`). */
export const totpCodeRequestSchema = z.object({ code: totpCodeSchema }).strict();
export type TotpCodeRequest = z.infer<typeof totpCodeRequestSchema>;

// ───────────────────────────── Admin accounts (platform admins only) ─────────────────────────────

export const adminPasswordSchema = z.string().min(12, 'at least 12 characters').max(1024);

/** `GET admins` → `AdminAccountView[]`. */
export interface AdminAccountView {
  id: string;
  email: string;
  role: AdminRole;
  tenantIds: string[];
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

const tenantIdsSchema = z.array(uuid).max(500);
const roleAndTenants = <T extends { role?: AdminRole; tenantIds?: string[] }>(v: T) =>
  v.role !== 'tenant-admin' || v.tenantIds === undefined || v.tenantIds.length > 0;

/** `POST admins` → 201 `AdminAccountView`; 409 when the email is taken. A platform admin has no tenantIds. */
export const createAdminRequestSchema = z
  .object({
    email,
    password: adminPasswordSchema,
    role: adminRoleSchema,
    tenantIds: tenantIdsSchema.default([]),
  })
  .strict()
  .refine(roleAndTenants, {
    message: 'a tenant admin needs at least one tenant',
    path: ['tenantIds'],
  });
export type CreateAdminRequest = z.input<typeof createAdminRequestSchema>;

/**
 * `PATCH admins/:id` → `AdminAccountView`. `disabled: false` also lifts a lockout;
 * `password` sets a new one. An admin may not disable or demote itself.
 */
export const updateAdminRequestSchema = z
  .object({
    role: adminRoleSchema.optional(),
    tenantIds: tenantIdsSchema.optional(),
    disabled: z.boolean().optional(),
    password: adminPasswordSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['_'] })
  .refine(roleAndTenants, {
    message: 'a tenant admin needs at least one tenant',
    path: ['tenantIds'],
  });
export type UpdateAdminRequest = z.infer<typeof updateAdminRequestSchema>;

// ───────────────────────────── Tenants and host names ─────────────────────────────

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

// ───────────────────────────── Settings ─────────────────────────────

/**
 * `PATCH tenants/:tenantId/settings` → `TenantDetail`. Each section present replaces the
 * stored one (for `texts`, each locale present replaces that locale's texts); the result is
 * validated whole (`tenantSettingsSchema`), and a password policy under the platform floor is
 * refused with a 400 naming `passwordPolicy.<field>`. Audited (before/after), the version is
 * bumped and every portal sees the change within a second.
 */
export const tenantSettingsPatchSchema = z
  .object({
    defaultLocale: localeSchema.optional(),
    locales: z
      .array(localeSchema)
      .min(1)
      .refine((l) => new Set(l).size === l.length, 'each locale once')
      .optional(),
    branding: brandingSchema.optional(),
    texts: z
      .object({
        fr: tenantTextsSchema.optional(),
        en: tenantTextsSchema.optional(),
        pt: tenantTextsSchema.optional(),
      })
      .strict()
      .optional(),
    usernameRule: usernameRuleSchema.optional(),
    passwordPolicy: passwordPolicySchema.optional(),
    features: featuresSchema.optional(),
    allowedNetworks: z.array(cidrSchema).max(200).optional(),
    email: emailSettingsSchema.optional(),
    tokenLifetimes: tokenLifetimesSchema.optional(),
    lockout: lockoutSchema.optional(),
    postLoginUrl: urlOrPathSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['_'] });
export type TenantSettingsPatch = z.infer<typeof tenantSettingsPatchSchema>;
export const TENANT_SETTINGS_SECTIONS = [
  'defaultLocale',
  'locales',
  'branding',
  'texts',
  'usernameRule',
  'passwordPolicy',
  'features',
  'allowedNetworks',
  'email',
  'tokenLifetimes',
  'lockout',
  'postLoginUrl',
] as const satisfies readonly (keyof TenantSettings)[];

const personName = safeString().trim().max(100);

/**
 * `POST tenants/:tenantId/username-rule/test` → `UsernameRuleTestResponse`: what each person
 * would get, as an import would give it (numeric suffixes against the tenant's accounts and
 * the earlier rows). `rule` defaults to the tenant's; `username` (optional) is checked
 * against the rule instead of derived (pattern rules cannot derive).
 */
export const usernameRuleTestRequestSchema = z
  .object({
    rule: usernameRuleSchema.optional(),
    names: z
      .array(
        z
          .object({
            lastName: personName,
            firstName: personName,
            username: safeString().trim().max(200).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type UsernameRuleTestRequest = z.infer<typeof usernameRuleTestRequestSchema>;

/** A code and a sentence in the admin's language (Accept-Language: fr or en). */
export interface CodedMessage {
  code: string;
  message: string;
}

export interface UsernameRuleTestRow {
  lastName: string;
  firstName: string;
  /** Null when the rule gives no username for this row (see `error`). */
  username: string | null;
  /** True when the base username was taken and a numeric suffix was added. */
  suffixed: boolean;
  error?: CodedMessage;
}
export interface UsernameRuleTestResponse {
  rule: UsernameRule;
  usernames: UsernameRuleTestRow[];
}

/**
 * `POST tenants/:tenantId/password-policy/test` → `PasswordPolicyTestResponse`. `policy`
 * defaults to the tenant's. The password is checked by the same engine as the portal
 * (the history rule aside).
 */
export const passwordPolicyTestRequestSchema = z
  .object({
    policy: passwordPolicySchema.optional(),
    password: z.string().max(1024),
    username: z.string().trim().max(200).optional(),
  })
  .strict();
export type PasswordPolicyTestRequest = z.infer<typeof passwordPolicyTestRequestSchema>;

export interface PolicyWarning extends CodedMessage {
  /**
   * `error`: under the platform floor, the policy cannot be saved; `warning`: weaker than
   * current guidance (NIST SP 800-63B); `info`: advice.
   */
  severity: 'error' | 'warning' | 'info';
}
export interface PasswordPolicyTestResponse {
  policy: PasswordPolicy;
  /** True when the password satisfies the policy. */
  ok: boolean;
  violations: CodedMessage[];
  /** About the policy itself, whatever the password. */
  warnings: PolicyWarning[];
  /** The rules as the portal lists them, in the admin's language. */
  rules: string[];
}

// ───────────────────────────── SMTP ─────────────────────────────

const smtpHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or an IP address');

/**
 * `PUT tenants/:tenantId/smtp` → `SmtpSettingsView`. `password` omitted keeps the stored
 * one, `null` removes it; it is stored encrypted. `fromAddress`, `fromName` and `replyTo`,
 * when present, update the sender (`email` section of the settings).
 * `DELETE tenants/:tenantId/smtp` → `SmtpSettingsView`: back to the platform SMTP server.
 */
export const smtpSettingsRequestSchema = z
  .object({
    host: smtpHost,
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    username: z
      .string()
      .trim()
      .max(320)
      .refine(noControl, 'must not contain control characters')
      .nullable()
      .optional(),
    password: z.string().min(1).max(1024).nullable().optional(),
    fromAddress: email.optional(),
    fromName: line(200).optional(),
    replyTo: email.nullable().optional(),
  })
  .strict();
export type SmtpSettingsRequest = z.infer<typeof smtpSettingsRequestSchema>;

/**
 * `POST tenants/:tenantId/smtp/test` → 202 `SmtpTestResponse`: a `test-email` through the
 * outbox, always to the signed-in admin's own address; 429 after a few (per admin and tenant).
 */
export const smtpTestRequestSchema = z.object({ locale: localeSchema.optional() }).strict();
export type SmtpTestRequest = z.infer<typeof smtpTestRequestSchema>;
export interface SmtpTestResponse {
  deliveryId: string;
}

// ───────────────────────────── Email templates ─────────────────────────────

/** `GET tenants/:tenantId/templates` → `TemplateListItem[]`: every kind × the tenant's locales. */
export interface TemplateListItem {
  kind: EmailKind;
  locale: Locale;
  overridden: boolean;
  updatedAt: string | null;
}

/** `GET tenants/:tenantId/templates/:kind/:locale`: the override, or the default when there is none. */
export interface TemplateView {
  kind: EmailKind;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  overridden: boolean;
  updatedAt: string | null;
  /** Variables the templates of this kind may use (`{{username}}`…). */
  variables: string[];
  /** Helpers (`formatDate`, `#if`…) and partials (`{{> button}}`, html only) allowed. */
  helpers: string[];
  partials: string[];
}

/**
 * `PUT tenants/:tenantId/templates/:kind/:locale` → `TemplateView`; a template that does not
 * compile → 400 `TemplateErrorBody` naming the part and the line.
 * `DELETE` the same → `TemplateView` (the default again).
 * `POST …/preview` with the same body → `TemplatePreviewResponse` (nothing saved).
 */
export const templateSourceSchema = z
  .object({
    subject: safeString().max(1_000),
    html: safeString({ multiline: true }).max(100_000),
    text: safeString({ multiline: true }).max(50_000),
  })
  .strict();
export type TemplateSource = z.infer<typeof templateSourceSchema>;

export interface TemplateErrorBody extends ApiError {
  error: 'invalid_template';
  /** The part with the first problem, and its line (null when the problem has no line). */
  part: 'subject' | 'html' | 'text';
  line: number | null;
}

/** What would be sent, rendered with sample data and the tenant's branding. */
export interface TemplatePreviewResponse {
  subject: string;
  html: string;
  text: string;
}

// ───────────────────────────── Pages and lists ─────────────────────────────

const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(25);
const search = safeString().trim().max(200);
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyAsUndefined, s.optional());

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ───────────────────────────── Accounts ─────────────────────────────

/**
 * `GET tenants/:tenantId/users?q=&status=&page=&pageSize=` → `Page<AdminUserView>`.
 * `q` matches the username, first and last names, email or external id (case ignored).
 */
export const USER_STATUS_FILTERS = [
  'active',
  'disabled',
  'locked',
  'enrolled',
  'not-enrolled',
] as const;
export const userListQuerySchema = z.object({
  q: optional(search),
  status: optional(z.enum(USER_STATUS_FILTERS)),
  page,
  pageSize,
});
export type UserListQuery = z.input<typeof userListQuerySchema>;

/** An account as the admin sees it (`GET tenants/:tenantId/users/:userId` and each action's answer). */
export interface AdminUserView {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  externalId: string | null;
  status: 'active' | 'disabled';
  enrolled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
// POST tenants/:tenantId/users/:userId/disable | enable | unlock → AdminUserView (audited).

/**
 * `POST tenants/:tenantId/users/:userId/send-reset` → 202 `SendResetResponse`: a reset link
 * (an enrolment link for an account not enrolled yet) to the account's stored address,
 * through the outbox. 409 for a disabled account.
 */
export const sendResetRequestSchema = z.object({ locale: localeSchema.optional() }).strict();
export type SendResetRequest = z.infer<typeof sendResetRequestSchema>;
export interface SendResetResponse {
  /** `throttled`: too many emails to this account this hour, none sent. */
  outcome: 'sent' | 'throttled';
  kind: 'password-reset' | 'enrolment' | null;
  deliveryId: string | null;
}

// ───────────────────────────── Email deliveries ─────────────────────────────

/** `GET tenants/:tenantId/deliveries?status=&kind=&q=&page=&pageSize=` → `Page<DeliveryView>`; `q` matches the recipient. */
export const deliveryListQuerySchema = z.object({
  status: optional(z.enum(DELIVERY_STATUSES)),
  kind: optional(z.enum(EMAIL_KINDS)),
  q: optional(search),
  page,
  pageSize,
});
export type DeliveryListQuery = z.input<typeof deliveryListQuerySchema>;

/** An outbox row as the admin sees it (never its token). */
export interface DeliveryView {
  id: string;
  kind: EmailKind;
  recipient: string;
  locale: Locale;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}
// POST tenants/:tenantId/deliveries/:deliveryId/retry → 202 DeliveryView (status `queued`);
// 409 unless the delivery is `failed`, or when its link is no longer valid (send a new one).

// ───────────────────────────── Audit log ─────────────────────────────

/**
 * `GET tenants/:tenantId/audit?action=&actor=&from=&to=&page=&pageSize=` → `Page<AuditEventView>`,
 * newest first; `GET tenants/:tenantId/audit.csv` (same filters) → text/csv.
 * `GET audit` and `GET audit.csv` (platform admins): platform events (tenants created, admin accounts).
 * `action` is a prefix (`settings.` matches every settings change); `actor` matches the
 * admin's email or the actor id; `from`/`to` are ISO 8601 date-times (or dates).
 */
export const auditQuerySchema = z
  .object({
    action: optional(
      z
        .string()
        .trim()
        .max(100)
        .regex(/^[\w.*-]+$/, 'letters, digits, dots, hyphens'),
    ),
    actor: optional(search),
    from: optional(z.union([z.iso.datetime({ offset: true }), z.iso.date()])),
    to: optional(z.union([z.iso.datetime({ offset: true }), z.iso.date()])),
    page,
    pageSize,
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type AuditQuery = z.input<typeof auditQuerySchema>;

export interface AuditEventView {
  id: string;
  /** ISO 8601. */
  at: string;
  actor: {
    type: 'user' | 'admin' | 'system' | 'anonymous' | 'scim';
    id: string | null;
    /** The admin's email, the account's username, a SCIM token's name, or null. */
    label: string | null;
  };
  action: string;
  target: { type: string; id: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

/** Columns of the audit CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actorType',
  'actorId',
  'actor',
  'action',
  'targetType',
  'targetId',
  'before',
  'after',
  'ip',
] as const;
