import { describe, expect, it } from '@jest/globals';
import { signInFailure } from './sign-in-failure.js';

const enrolled = { status: 'active' as const, passwordHash: '$argon2id$…' };

describe('signInFailure', () => {
  it('lets through only an active, enrolled, unlocked account with the right password', () => {
    expect(signInFailure(enrolled, false, true)).toBeNull();
  });

  it.each([
    ['no account', null, false, false, 'unknown_account'],
    ['no account, even with a lock', null, true, false, 'unknown_account'],
    ['a lock, before anything else of the account', enrolled, true, false, 'account_locked'],
    [
      'a lock on a disabled account',
      { ...enrolled, status: 'disabled' },
      true,
      false,
      'account_locked',
    ],
    ['no password yet', { ...enrolled, passwordHash: null }, false, false, 'not_enrolled'],
    ['a wrong password', enrolled, false, false, 'wrong_password'],
    [
      'a wrong password on a disabled account',
      { ...enrolled, status: 'disabled' },
      false,
      false,
      'wrong_password',
    ],
    [
      'the right password on a disabled account',
      { ...enrolled, status: 'disabled' },
      false,
      true,
      'account_disabled',
    ],
  ] as const)('%s → %s', (_what, account, locked, valid, reason) => {
    expect(signInFailure(account, locked, valid)).toBe(reason);
  });
});
