import { describe, expect, it } from '@jest/globals';
import type { PasswordPolicy } from '@guichet/types';
import { checklist, describePolicy, RULE_CODES } from './describe-policy.js';
import { MONTEREGIE } from './policies.fixture.js';

const STRICT: PasswordPolicy = {
  ...MONTEREGIE,
  minLength: 12,
  requireUpper: true,
  requireLower: true,
  requireSymbol: true,
  historyCount: 5,
};

describe('describePolicy', () => {
  it('lists the Montérégie rules in display order', () => {
    expect(describePolicy(MONTEREGIE)).toEqual([
      { code: 'min_length', params: { min: 4 } },
      { code: 'max_length', params: { max: 128 } },
      { code: 'digit' },
      { code: 'letter' },
      { code: 'not_username' },
      { code: 'not_common' },
    ]);
  });

  it('lists every rule a strict policy has', () => {
    expect(describePolicy(STRICT).map((r) => r.code)).toEqual(RULE_CODES);
    expect(describePolicy(STRICT).at(-1)).toEqual({ code: 'not_reused', params: { count: 5 } });
  });
});

describe('checklist', () => {
  const met = (
    password: string,
    username?: string,
    reused?: boolean,
  ): Record<string, boolean | null> =>
    Object.fromEntries(
      checklist(MONTEREGIE, password, { username, reused }).map((i) => [i.code, i.met]),
    );

  it('follows what is typed, rule by rule', () => {
    expect(met('abcd', 'gama1234')).toEqual({
      min_length: true,
      max_length: true,
      digit: false,
      letter: true,
      not_username: true,
      not_common: true,
    });
    expect(met('ab1', 'gama1234')).toEqual({
      min_length: false,
      max_length: true,
      digit: true,
      letter: true,
      not_username: true,
      not_common: true,
    });
    expect(met('1234', 'gama1234')).toEqual({
      min_length: true,
      max_length: true,
      digit: true,
      letter: false,
      not_username: true,
      not_common: false,
    });
    expect(met('gama1234', 'gama1234')).toMatchObject({ not_username: false });
  });

  it('says « unknown » (null) for what it cannot tell', () => {
    expect(met('abc1')).toMatchObject({ not_username: null, not_common: true });
    expect(met('', 'gama1234')).toEqual({
      min_length: false,
      max_length: null,
      digit: false,
      letter: false,
      not_username: null,
      not_common: null,
    });
    const history = Object.fromEntries(
      checklist(STRICT, 'Une-phrase-longue-9', {}).map((i) => [i.code, i.met]),
    );
    expect(history['not_reused']).toBeNull();
    const reused = Object.fromEntries(
      checklist(STRICT, 'Une-phrase-longue-9', { reused: true }).map((i) => [i.code, i.met]),
    );
    expect(reused['not_reused']).toBe(false);
  });

  it('keeps the parameters for the messages', () => {
    expect(checklist(MONTEREGIE, 'ab1')[0]).toEqual({
      code: 'min_length',
      params: { min: 4 },
      met: false,
    });
  });
});
