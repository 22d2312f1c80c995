import { describe, expect, it } from '@jest/globals';
import type { PasswordPolicy } from '@guichet/types';
import { containsUsername, evaluatePassword } from './evaluate-password.js';
import type { ViolationCode } from './violation.js';
import { CEGEP, MONTEREGIE } from './policies.fixture.js';

const NOTHING: PasswordPolicy = {
  ...MONTEREGIE,
  requireDigit: false,
  requireLetter: false,
  disallowUsername: false,
  denyCommon: false,
};

const codes = (
  policy: PasswordPolicy,
  password: string,
  username?: string,
  reused?: boolean,
): ViolationCode[] =>
  evaluatePassword(policy, password, { username, reused }).violations.map((v) => v.code);

describe('evaluatePassword, Montérégie policy as written in the guide', () => {
  it.each([
    ['abc1', []],
    ['x7qz', []],
    ['Été9', []],
    ['abcd', ['missing_digit']],
    ['1234', ['missing_letter', 'common_password']],
    ['5839', ['missing_letter']],
    ['ab1', ['too_short']],
    ['a', ['too_short', 'missing_digit']],
    ['', ['too_short', 'missing_digit', 'missing_letter']],
    ['abc123', ['common_password']],
    ['Soleil1', ['common_password']],
    ['motdepasse1', ['common_password']],
    ['Hiver2025', ['common_password']],
    ['gohabsgo', ['missing_digit', 'common_password']],
  ] as const)('%j → %j', (password, expected) => {
    expect(codes(MONTEREGIE, password)).toEqual(expected);
  });

  it('reports the length bound with each length violation', () => {
    expect(evaluatePassword(MONTEREGIE, 'ab1')).toEqual({
      ok: false,
      violations: [{ code: 'too_short', params: { min: 4 } }],
    });
    expect(evaluatePassword(MONTEREGIE, `a1${'x'.repeat(127)}`)).toEqual({
      ok: false,
      violations: [{ code: 'too_long', params: { max: 128 } }],
    });
    expect(evaluatePassword(MONTEREGIE, `a1${'x'.repeat(126)}`)).toEqual({
      ok: true,
      violations: [],
    });
  });

  it('refuses a password that is or contains the username, whatever the case', () => {
    expect(codes(MONTEREGIE, 'gama1234', 'gama1234')).toEqual(['contains_username']);
    expect(codes(MONTEREGIE, 'xxGAMA1234yy', 'gama1234')).toEqual(['contains_username']);
    expect(codes(MONTEREGIE, 'zz9trej', 'TREJ')).toEqual(['contains_username']);
    expect(codes({ ...MONTEREGIE, disallowUsername: false }, 'zz9trej', 'trej')).toEqual([]);
    expect(codes(MONTEREGIE, 'zz9trej')).toEqual([]);
  });
});

describe('evaluatePassword, character classes', () => {
  const all: PasswordPolicy = {
    ...NOTHING,
    requireUpper: true,
    requireLower: true,
    requireSymbol: true,
    requireDigit: true,
    requireLetter: true,
  };

  it.each([
    ['Kf9!', []],
    ['kf9!', ['missing_upper']],
    ['KF9!', ['missing_lower']],
    ['Kfz!', ['missing_digit']],
    ['Kf9z', ['missing_symbol']],
    ['Kf9 ', []],
    ['99!!', ['missing_letter', 'missing_upper', 'missing_lower']],
    ['Éé9#', []],
    ['ÉÉ9#', ['missing_lower']],
    ['éé9#', ['missing_upper']],
    ['Çà9_', []],
    ['Ab٣!', []],
  ] as const)('%j → %j', (password, expected) => {
    expect(codes(all, password)).toEqual(expected);
  });

  it('counts accented letters as letters', () => {
    expect(codes({ ...NOTHING, requireLetter: true }, 'é123')).toEqual([]);
    expect(codes({ ...NOTHING, requireLower: true }, 'É123')).toEqual(['missing_lower']);
  });
});

describe('evaluatePassword, lengths in code points', () => {
  it('counts an emoji or an accented letter as one character', () => {
    const four: PasswordPolicy = { ...NOTHING, minLength: 4, maxLength: 8 };
    expect(codes(four, '😀😀😀')).toEqual(['too_short']);
    expect(codes(four, '😀😀😀😀')).toEqual([]);
    expect(codes(four, 'e\u0301e\u0301e\u0301')).toEqual(['too_short']);
    expect(codes(four, 'e\u0301e\u0301e\u0301e\u0301')).toEqual([]);
    expect(codes(four, '😀'.repeat(9))).toEqual(['too_long']);
  });
});

describe('evaluatePassword, history', () => {
  it('reports reuse only when the caller says so and the policy keeps a history', () => {
    expect(evaluatePassword(CEGEP, 'une phrase assez longue', { reused: true })).toEqual({
      ok: false,
      violations: [{ code: 'reused', params: { count: 3 } }],
    });
    expect(codes(CEGEP, 'une phrase assez longue', undefined, false)).toEqual([]);
    expect(codes(CEGEP, 'une phrase assez longue')).toEqual([]);
    expect(codes(MONTEREGIE, 'x7qz', undefined, true)).toEqual([]);
  });

  it('lists violations in a stable order', () => {
    expect(codes(CEGEP, 'trej', 'trej', true)).toEqual([
      'too_short',
      'contains_username',
      'reused',
    ]);
  });
});

describe('containsUsername', () => {
  it.each([
    ['trej', 'trej', true],
    ['Trej2024!', 'trej', true],
    ['cÔtÉ2024', 'cote', true],
    ['abc', 'trej', false],
    ['le', 'le', true],
    ['lemon99', 'le', false],
    ['anything', '  ', false],
  ] as const)('%j contains %j: %s', (password, username, expected) => {
    expect(containsUsername(password, username)).toBe(expected);
  });
});
