import { describe, expect, it } from '@jest/globals';
import type { UsernameRule } from '@guichet/types';
import { checkUsername, normalizeUsername, USERNAME_MAX_LENGTH } from './check-username.js';

/** CISSS de la Montérégie « compte unifié », as seeded (the engine anchors the pattern). */
const MONTEREGIE: UsernameRule = {
  kind: 'pattern',
  pattern: '[a-z]{4}\\d{4}',
  example: 'gama1234',
};
const CEGEP: UsernameRule = {
  kind: 'name-derived',
  lastNameLetters: 3,
  firstNameLetters: 1,
  collision: 'numeric-suffix',
};

describe('normalizeUsername', () => {
  it('trims, composes (NFC) and lower-cases', () => {
    expect(normalizeUsername('  GaMa1234 ')).toBe('gama1234');
    expect(normalizeUsername('Ce\u0301line')).toBe('céline');
  });
});

describe('checkUsername, pattern rule', () => {
  it.each([
    ['gama1234', 'gama1234'],
    ['GAMA1234', 'gama1234'],
    ['  gama1234 ', 'gama1234'],
    ['trej0001', 'trej0001'],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkUsername(MONTEREGIE, input)).toEqual({ ok: true, username: expected });
  });

  it.each([
    ['gam1234'],
    ['gama12345'],
    ['xgama1234'],
    ['gama123a'],
    ['gama 1234'],
    ['éama1234'],
    ['gama\n1234'],
  ])('refuses %j', (input) => {
    expect(checkUsername(MONTEREGIE, input)).toEqual({
      ok: false,
      error: { code: 'username_pattern_mismatch', params: { example: 'gama1234' } },
    });
  });

  it('anchors a pattern that is already anchored, and a pattern with alternatives as a whole', () => {
    const anchored: UsernameRule = {
      kind: 'pattern',
      pattern: '^[a-z]{4}\\d{4}$',
      example: 'gama1234',
    };
    expect(checkUsername(anchored, 'gama1234').ok).toBe(true);
    const alternatives: UsernameRule = { kind: 'pattern', pattern: 'abc|def', example: 'abc' };
    expect(checkUsername(alternatives, 'def').ok).toBe(true);
    expect(checkUsername(alternatives, 'abcx').ok).toBe(false);
    expect(checkUsername(alternatives, 'xdef').ok).toBe(false);
  });

  it('reports a pattern that does not compile', () => {
    expect(checkUsername({ kind: 'pattern', pattern: '([a-z', example: 'x' }, 'abc')).toEqual({
      ok: false,
      error: { code: 'rule_pattern_invalid' },
    });
  });
});

describe('checkUsername, pattern rule, hostile patterns', () => {
  const rule = (pattern: string): UsernameRule => ({ kind: 'pattern', pattern, example: 'a' });

  // A backtracking engine takes 2^n steps on these: 49 characters blocked the API for good.
  it.each([['(a+)+'], ['(a|a)+'], ['(a|aa)+'], ['(.*a){12}'], ['([a-z]+)*[0-9]'], ['(\\w+\\s?)+']])(
    'decides %j against the longest usernames in linear time',
    (pattern) => {
      const started = performance.now();
      for (const length of [49, USERNAME_MAX_LENGTH]) {
        expect(checkUsername(rule(pattern), `${'a'.repeat(length - 1)}!`).ok).toBe(false);
        expect(checkUsername(rule(pattern), 'A'.repeat(length)).ok).toBe(
          pattern !== '([a-z]+)*[0-9]',
        );
      }
      expect(performance.now() - started).toBeLessThan(2000);
    },
  );

  it.each([['.{0,1000}x'], ['[\\p{L}\\p{N}]{1,1000}'], ['(?:a|b|c|d){1,30}(?:a|b|c|d){1,30}']])(
    'decides 500 usernames of 64 characters against %j, among the largest patterns accepted, within 2 s (exponential would be hours)',
    (pattern) => {
      const started = performance.now();
      for (let i = 0; i < 500; i += 1) checkUsername(rule(pattern), `${'é'.repeat(63)}!`);
      expect(performance.now() - started).toBeLessThan(2000);
    },
  );

  it.each([['(a)\\1'], ['(?<x>a)\\k<x>'], ['(?=a)a'], ['(?!b)a'], ['(?<=a)b'], ['(?<!a)b']])(
    'refuses %j, which only a backtracking engine can run',
    (pattern) => {
      expect(checkUsername(rule(pattern), 'aa')).toEqual({
        ok: false,
        error: { code: 'rule_pattern_invalid' },
      });
    },
  );

  it('keeps the JavaScript syntax admins write: \\u escapes, named groups, Unicode classes', () => {
    expect(checkUsername(rule('caf\\u00e9\\d'), 'CAFÉ1').ok).toBe(true);
    expect(checkUsername(rule('(?<site>[a-z]{2})-\\d+'), 'qc-12').ok).toBe(true);
    expect(checkUsername(rule('\\p{L}+'), 'josée').ok).toBe(true);
    expect(checkUsername(rule('a/b'), 'a/b').ok).toBe(true);
  });

  it('matches the whole username even when the pattern closes its own group', () => {
    // Wrapped as ^(?:…)$ this used to become ^(?:a)|(b)$, matching anything containing b.
    expect(checkUsername(rule('a)|(b'), 'xxb')).toEqual({
      ok: false,
      error: { code: 'rule_pattern_invalid' },
    });
  });
});

describe('checkUsername, any rule', () => {
  it.each([[''], ['   ']])('refuses an empty username %j', (input) => {
    expect(checkUsername(MONTEREGIE, input)).toEqual({
      ok: false,
      error: { code: 'username_empty' },
    });
    expect(checkUsername(CEGEP, input)).toEqual({ ok: false, error: { code: 'username_empty' } });
  });

  it('refuses a username longer than 64 characters before matching', () => {
    expect(checkUsername(CEGEP, 'a'.repeat(65))).toEqual({
      ok: false,
      error: { code: 'username_too_long', params: { max: 64 } },
    });
    expect(checkUsername(CEGEP, 'a'.repeat(64)).ok).toBe(true);
  });
});

describe('checkUsername, name-derived rule (explicit exceptions)', () => {
  it.each([['trej'], ['TREJ2'], ['jean.tremblay'], ['j-tremblay'], ['admin_ti'], ['a']])(
    'accepts %j',
    (input) => {
      expect(checkUsername(CEGEP, input)).toEqual({ ok: true, username: normalizeUsername(input) });
    },
  );

  it.each([['côté'], ['jean tremblay'], ['.trej'], ['trej-'], ['trej@cegepsi.ca'], ['tre/j']])(
    'refuses %j',
    (input) => {
      expect(checkUsername(CEGEP, input)).toEqual({
        ok: false,
        error: { code: 'username_invalid_characters' },
      });
    },
  );
});
