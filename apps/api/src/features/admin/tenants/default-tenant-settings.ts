import {
  DEFAULT_PASSWORD_POLICY,
  type Locale,
  LOCALES,
  type TenantSettings,
  tenantSettingsSchema,
} from '@guichet/types';

/**
 * Settings of a tenant a platform admin just created: what current guidance recommends
 * (NIST SP 800-63B: length over composition, the common-password deny list), the portal
 * named after the institution, every feature but the lookup tool. The tenant admin then
 * adjusts them in the admin app.
 */
export function defaultTenantSettings(input: {
  name: string;
  slug: string;
  baseDomain: string;
  defaultLocale?: Locale;
}): TenantSettings {
  const portalName = input.name;
  return tenantSettingsSchema.parse({
    defaultLocale: input.defaultLocale ?? 'fr',
    locales: [...LOCALES],
    branding: { primaryColor: '#1f4e79', accentColor: '#b3282d', logoUrl: null, faviconUrl: null },
    texts: { fr: { portalName }, en: { portalName }, pt: { portalName } },
    usernameRule: {
      kind: 'name-derived',
      lastNameLetters: 3,
      firstNameLetters: 1,
      collision: 'numeric-suffix',
    },
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY },
    features: { enrolment: true, forgotPassword: true, lookup: false, teamsTab: false },
    allowedNetworks: [],
    email: {
      senderAddress: `no-reply@${input.slug}.${input.baseDomain}`,
      senderName: input.name.slice(0, 200),
      replyTo: null,
    },
    tokenLifetimes: {
      resetMinutes: 60,
      enrolmentMinutes: 60 * 24,
      accessMinutes: 10,
      refreshDays: 30,
    },
    lockout: { maxFailures: 5, lockMinutes: 15 },
    postLoginUrl: null,
  });
}
