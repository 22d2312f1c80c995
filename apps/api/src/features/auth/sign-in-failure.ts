/** Why a sign-in failed, for the audit log only (the reply is the same for all of them). */
export type FailureReason =
  'unknown_account' | 'wrong_password' | 'not_enrolled' | 'account_locked' | 'account_disabled';

/**
 * The reason of a refused sign-in, or null when it succeeds. `locked`: the account's lock,
 * or its attempt budget in Redis, refused the attempt (its password was never checked);
 * `passwordValid`: the password matched the stored hash.
 */
export function signInFailure(
  account: { status: 'active' | 'disabled'; passwordHash: string | null } | null,
  locked: boolean,
  passwordValid: boolean,
): FailureReason | null {
  if (!account) return 'unknown_account';
  if (locked) return 'account_locked';
  if (!account.passwordHash) return 'not_enrolled';
  if (!passwordValid) return 'wrong_password';
  if (account.status !== 'active') return 'account_disabled';
  return null;
}
