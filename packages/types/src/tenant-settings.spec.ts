import { describe, expect, it } from '@jest/globals';
import { cidrSchema, passwordPolicySchema, resolveTenantTexts, usernameRuleSchema } from './index.js';

describe('tenant settings schemas', () => {
  it('accepts IPv4 and IPv6 networks and refuses anything else', () => {
    for (const ok of ['10.0.0.0/8', '192.168.1.10', '2001:db8::/32', '::1']) expect(cidrSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['10.0.0.0/33', 'intranet', '300.1.1.1/8', '']) expect(cidrSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a username pattern that is not a regular expression', () => {
    expect(usernameRuleSchema.safeParse({ kind: 'pattern', pattern: '^[a-z]{4}\\d{4}$', example: 'gama1234' }).success).toBe(true);
    expect(usernameRuleSchema.safeParse({ kind: 'pattern', pattern: '([a-z', example: 'x' }).success).toBe(false);
  });

  it('refuses a policy whose maximum is under its minimum', () => {
    const base = { minLength: 12, maxLength: 10, requireDigit: false, requireLetter: false, requireUpper: false, requireLower: false, requireSymbol: false, disallowUsername: true, denyCommon: true, historyCount: 0 };
    expect(passwordPolicySchema.safeParse(base).success).toBe(false);
    expect(passwordPolicySchema.safeParse({ ...base, maxLength: 64 }).success).toBe(true);
  });

  it('falls back to the tenant default locale, then French', () => {
    const texts = resolveTenantTexts(
      { defaultLocale: 'en', texts: { fr: { welcomeTitle: 'Bienvenue', footer: 'Propulsé' }, en: { welcomeTitle: 'Welcome' }, pt: {} } },
      'pt',
    );
    expect(texts).toEqual({ welcomeTitle: 'Welcome', footer: 'Propulsé' });
  });
});
