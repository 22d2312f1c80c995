import { z } from 'zod';
import { LOCALES, localeSchema, type Locale } from './locale.js';
import { safeString } from './safe-text.js';
import { compileUsernamePattern, USERNAME_PATTERN_MESSAGES } from './username-pattern.js';

/** Portal texts a tenant may set per locale; anything else comes from the catalogs. */
export const TENANT_TEXT_KEYS = [
  'portalName',
  'welcomeTitle',
  'welcomeSubtitle',
  'usernameHint',
  'passwordHint',
  'footer',
  'signature',
] as const;
export type TenantTextKey = (typeof TENANT_TEXT_KEYS)[number];

const text = safeString({ multiline: true }).trim().min(1).max(500);
export const tenantTextsSchema = z
  .object(
    Object.fromEntries(TENANT_TEXT_KEYS.map((k) => [k, text.optional()])) as Record<
      TenantTextKey,
      z.ZodOptional<typeof text>
    >,
  )
  .strict();
export type TenantTexts = z.infer<typeof tenantTextsSchema>;

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB');
const httpUrl = safeString()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
  .max(2000);
/** An absolute http(s) URL, or a path on the portal itself. */
const urlOrPath = z.union([
  httpUrl,
  safeString()
    .regex(/^\/[^/\\]/, 'a path starting with /')
    .max(2000),
]);
/** An absolute http(s) URL, or a path on the portal itself (logo, post-login URL). */
export const urlOrPathSchema = urlOrPath;

export const brandingSchema = z
  .object({
    primaryColor: hexColor,
    accentColor: hexColor,
    logoUrl: urlOrPath.nullable(),
    faviconUrl: urlOrPath.nullable(),
  })
  .strict();
export type Branding = z.infer<typeof brandingSchema>;

export const nameDerivedRuleSchema = z
  .object({
    kind: z.literal('name-derived'),
    lastNameLetters: z.number().int().min(1).max(12),
    firstNameLetters: z.number().int().min(0).max(12),
    /** Collision suffix: the smallest integer ≥ 2 not taken (jeaa, jeaa2, jeaa3…). */
    collision: z.literal('numeric-suffix'),
  })
  .strict();
export const patternRuleSchema = z
  .object({
    kind: z.literal('pattern'),
    /** A regular expression (anchored by the engine) the username must match. */
    pattern: safeString()
      .min(1)
      .max(200)
      .superRefine((p, ctx) => {
        const compiled = compileUsernamePattern(p);
        if (!compiled.ok)
          ctx.addIssue({
            code: 'custom',
            message: USERNAME_PATTERN_MESSAGES[compiled.problem],
            params: { problem: compiled.problem },
          });
      }),
    example: safeString().min(1).max(64),
  })
  .strict();
export const usernameRuleSchema = z.discriminatedUnion('kind', [
  nameDerivedRuleSchema,
  patternRuleSchema,
]);
export type UsernameRule = z.infer<typeof usernameRuleSchema>;

export const passwordPolicySchema = z
  .object({
    minLength: z.number().int().min(1).max(128),
    maxLength: z.number().int().min(8).max(1024),
    requireDigit: z.boolean(),
    requireLetter: z.boolean(),
    requireUpper: z.boolean(),
    requireLower: z.boolean(),
    requireSymbol: z.boolean(),
    disallowUsername: z.boolean(),
    denyCommon: z.boolean(),
    /** The last N passwords may not be reused (0 = no history). */
    historyCount: z.number().int().min(0).max(24),
  })
  .strict()
  .refine((p) => p.maxLength >= p.minLength, {
    message: 'maxLength must be ≥ minLength',
    path: ['maxLength'],
  });
export type PasswordPolicy = z.infer<typeof passwordPolicySchema>;

/**
 * A new tenant's password policy, and the base the others are written from: at least 12
 * characters, no character class required, neither a common password nor the username.
 */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 12,
  maxLength: 128,
  requireDigit: false,
  requireLetter: false,
  requireUpper: false,
  requireLower: false,
  requireSymbol: false,
  disallowUsername: true,
  denyCommon: true,
  historyCount: 0,
});

export const featuresSchema = z
  .object({
    enrolment: z.boolean(),
    forgotPassword: z.boolean(),
    lookup: z.boolean(),
    teamsTab: z.boolean(),
  })
  .strict();
export type Features = z.infer<typeof featuresSchema>;

/** IPv4 or IPv6 CIDR (a bare address means a single host). */
export const cidrSchema = z
  .string()
  .trim()
  .refine(
    (v) =>
      z.cidrv4().safeParse(v).success ||
      z.cidrv6().safeParse(v).success ||
      z.ipv4().safeParse(v).success ||
      z.ipv6().safeParse(v).success,
    'an IPv4 or IPv6 network in CIDR notation (e.g. 10.0.0.0/8)',
  );

export const emailSettingsSchema = z
  .object({
    senderAddress: z.email(),
    senderName: safeString().trim().min(1).max(200),
    replyTo: z.email().nullable(),
  })
  .strict();

export const tokenLifetimesSchema = z
  .object({
    resetMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    enrolmentMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    accessMinutes: z.number().int().min(1).max(60),
    refreshDays: z.number().int().min(1).max(365),
  })
  .strict();

export const lockoutSchema = z
  .object({
    maxFailures: z.number().int().min(3).max(100),
    lockMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
  })
  .strict();

export const tenantSettingsSchema = z
  .object({
    defaultLocale: localeSchema,
    locales: z.array(localeSchema).min(1),
    branding: brandingSchema,
    texts: z
      .object({ fr: tenantTextsSchema, en: tenantTextsSchema, pt: tenantTextsSchema })
      .strict(),
    usernameRule: usernameRuleSchema,
    passwordPolicy: passwordPolicySchema,
    features: featuresSchema,
    allowedNetworks: z.array(cidrSchema).max(200),
    email: emailSettingsSchema,
    tokenLifetimes: tokenLifetimesSchema,
    lockout: lockoutSchema,
    postLoginUrl: urlOrPath.nullable(),
  })
  .strict()
  .refine((s) => s.locales.includes(s.defaultLocale), {
    message: 'the default locale must be one of the enabled locales',
    path: ['defaultLocale'],
  });
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** Texts of a locale with the tenant default locale, then French, as fallbacks. */
export function resolveTenantTexts(
  settings: Pick<TenantSettings, 'texts' | 'defaultLocale'>,
  locale: Locale,
): TenantTexts {
  return {
    ...settings.texts.fr,
    ...settings.texts[settings.defaultLocale],
    ...settings.texts[locale],
  };
}

export { LOCALES };
