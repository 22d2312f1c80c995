/** The admin API: settings. */
import { z } from 'zod';
import { localeSchema } from '../locale.js';
import { safeString } from '../safe-text.js';
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
} from '../tenant-settings.js';

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
