import { describe, expect, it } from '@jest/globals';
import {
  cidrSchema,
  DEFAULT_PASSWORD_POLICY,
  passwordPolicySchema,
  resolveTenantTexts,
  USERNAME_PATTERN_MESSAGES,
  usernameRuleSchema,
  type UsernamePatternProblem,
} from './index.js';

describe('tenant settings schemas', () => {
  it('accepts IPv4 and IPv6 networks and refuses anything else', () => {
    for (const ok of ['10.0.0.0/8', '192.168.1.10', '2001:db8::/32', '::1'])
      expect(cidrSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['10.0.0.0/33', 'intranet', '300.1.1.1/8', ''])
      expect(cidrSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a username pattern that is not a regular expression', () => {
    expect(
      usernameRuleSchema.safeParse({
        kind: 'pattern',
        pattern: '^[a-z]{4}\\d{4}$',
        example: 'gama1234',
      }).success,
    ).toBe(true);
    expect(
      usernameRuleSchema.safeParse({ kind: 'pattern', pattern: '([a-z', example: 'x' }).success,
    ).toBe(false);
  });

  it.each([
    ['(a)\\1', 'backreference'],
    ['(?<x>a)\\k<x>', 'backreference'],
    ['(?=a)a', 'lookaround'],
    ['(?<!a)b', 'lookaround'],
    ['(a{1000}){2}', 'unsupported'],
    ['\\p{Letter}', 'unsupported'],
    ['\\p{L}{1000}\\p{L}{1000}\\p{L}{1000}', 'unsupported'],
    ['([a-z', 'invalid'],
    ['a)|(b', 'invalid'],
  ])(
    'refuses the username pattern %j, which the linear-time engine cannot run, saying why (%s)',
    (pattern, problem) => {
      const parsed = usernameRuleSchema.safeParse({ kind: 'pattern', pattern, example: 'x' });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues).toEqual([
        expect.objectContaining({
          path: ['pattern'],
          message: USERNAME_PATTERN_MESSAGES[problem as UsernamePatternProblem],
        }),
      ]);
    },
  );

  it('accepts patterns that can backtrack catastrophically elsewhere: they run in linear time here', () => {
    expect(
      usernameRuleSchema.safeParse({ kind: 'pattern', pattern: '(a+)+', example: 'aaa' }).success,
    ).toBe(true);
  });

  it('refuses a policy whose maximum is under its minimum', () => {
    const base = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, maxLength: 10 };
    expect(passwordPolicySchema.safeParse(base).success).toBe(false);
    expect(passwordPolicySchema.safeParse({ ...base, maxLength: 64 }).success).toBe(true);
  });

  it('falls back to the tenant default locale, then French', () => {
    const texts = resolveTenantTexts(
      {
        defaultLocale: 'en',
        texts: {
          fr: { welcomeTitle: 'Bienvenue', footer: 'Propulsé' },
          en: { welcomeTitle: 'Welcome' },
          pt: {},
        },
      },
      'pt',
    );
    expect(texts).toEqual({ welcomeTitle: 'Welcome', footer: 'Propulsé' });
  });
});
