import { describe, expect, it } from '@jest/globals';
import { passwordPolicySchema, type PasswordPolicy } from '@guichet/types';
import { applyFloor, checkPolicyAgainstFloor, PLATFORM_FLOOR } from './platform-floor.js';
import { policyWarnings } from './policy-warnings.js';
import { CEGEP, MONTEREGIE } from './policies.fixture.js';

const MODERN: PasswordPolicy = {
  ...MONTEREGIE,
  minLength: 15,
  requireDigit: false,
  requireLetter: false,
};
const WEAK: PasswordPolicy = {
  ...MONTEREGIE,
  minLength: 2,
  maxLength: 16,
  denyCommon: false,
  disallowUsername: false,
};

describe('platform floor', () => {
  it('admits the Montérégie policy of the guide and the Cégep one', () => {
    expect(checkPolicyAgainstFloor(MONTEREGIE)).toEqual([]);
    expect(checkPolicyAgainstFloor(CEGEP)).toEqual([]);
    expect(PLATFORM_FLOOR.minLength).toBe(4);
  });

  it('reports every way a policy goes under it', () => {
    expect(checkPolicyAgainstFloor(WEAK)).toEqual([
      { code: 'min_length_below_floor', severity: 'error', params: { floor: 4, value: 2 } },
      { code: 'max_length_below_floor', severity: 'error', params: { floor: 64, value: 16 } },
      { code: 'deny_common_required', severity: 'error' },
      { code: 'disallow_username_required', severity: 'error' },
    ]);
  });

  it('raises a policy to the floor, leaving the rest, and the result is a valid policy', () => {
    const floored = applyFloor(WEAK);
    expect(floored).toEqual({
      ...WEAK,
      minLength: 4,
      maxLength: 64,
      denyCommon: true,
      disallowUsername: true,
    });
    expect(checkPolicyAgainstFloor(floored)).toEqual([]);
    expect(passwordPolicySchema.safeParse(floored).success).toBe(true);
    expect(applyFloor(MONTEREGIE)).toEqual(MONTEREGIE);
  });
});

describe('policyWarnings (NIST SP 800-63B)', () => {
  it('warns the Montérégie admin about the short minimum, and advises against composition rules', () => {
    expect(policyWarnings(MONTEREGIE)).toEqual([
      { code: 'min_length_under_8', severity: 'warning', params: { value: 4, recommended: 8 } },
      { code: 'composition_rules', severity: 'info' },
    ]);
  });

  it('tells the Cégep admin that 15 is preferred', () => {
    expect(policyWarnings(CEGEP)).toEqual([
      { code: 'min_length_under_15', severity: 'info', params: { value: 10, recommended: 15 } },
      { code: 'composition_rules', severity: 'info' },
    ]);
  });

  it('has nothing to say about a modern policy', () => {
    expect(policyWarnings(MODERN)).toEqual([]);
  });

  it('warns about everything weaker than guidance', () => {
    expect(policyWarnings(WEAK).map((w) => w.code)).toEqual([
      'min_length_under_8',
      'max_length_under_64',
      'deny_list_disabled',
      'username_allowed',
      'composition_rules',
    ]);
  });
});
