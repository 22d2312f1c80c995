import type { PasswordPolicy } from '@guichet/types';
import { codePointLength, stripMarks } from '../text.js';
import { normalizeUsername } from '../username/check-username.js';
import { hasDigit, hasLetter, hasLower, hasSymbol, hasUpper } from './character-classes.js';
import { isCommonPassword } from './common-passwords.js';
import type { PasswordContext, PasswordEvaluation, Violation } from './violation.js';

/** Below this length a username is only refused as the whole password, not as a part of it. */
export const MIN_USERNAME_LENGTH_TO_SEARCH = 3;

/**
 * The form in which a password is evaluated, and should be hashed: Unicode NFKC, as NIST
 * SP 800-63B recommends, so « é » typed as one or two code points is the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Whether the password is or contains the username, ignoring case and accents. */
export function containsUsername(password: string, username: string): boolean {
  const name = stripMarks(normalizeUsername(username));
  if (name === '') return false;
  const lower = password.toLowerCase();
  const searchable = codePointLength(name) >= MIN_USERNAME_LENGTH_TO_SEARCH;
  return [lower, stripMarks(lower)].some((p) => p === name || (searchable && p.includes(name)));
}

type Check = (
  policy: PasswordPolicy,
  password: string,
  context: PasswordContext,
) => Violation | undefined;

const lengthChecks: readonly Check[] = [
  (policy, password) =>
    codePointLength(password) < policy.minLength
      ? { code: 'too_short', params: { min: policy.minLength } }
      : undefined,
  (policy, password) =>
    codePointLength(password) > policy.maxLength
      ? { code: 'too_long', params: { max: policy.maxLength } }
      : undefined,
];

const compositionChecks: readonly Check[] = [
  (policy, password) =>
    policy.requireDigit && !hasDigit(password) ? { code: 'missing_digit' } : undefined,
  (policy, password) =>
    policy.requireLetter && !hasLetter(password) ? { code: 'missing_letter' } : undefined,
  (policy, password) =>
    policy.requireUpper && !hasUpper(password) ? { code: 'missing_upper' } : undefined,
  (policy, password) =>
    policy.requireLower && !hasLower(password) ? { code: 'missing_lower' } : undefined,
  (policy, password) =>
    policy.requireSymbol && !hasSymbol(password) ? { code: 'missing_symbol' } : undefined,
];

const contextChecks: readonly Check[] = [
  (policy, password, { username }) =>
    policy.disallowUsername && username && containsUsername(password, username)
      ? { code: 'contains_username' }
      : undefined,
  (policy, password) =>
    policy.denyCommon && isCommonPassword(password) ? { code: 'common_password' } : undefined,
  (policy, _password, { reused }) =>
    policy.historyCount > 0 && reused === true
      ? { code: 'reused', params: { count: policy.historyCount } }
      : undefined,
];

const CHECKS: readonly Check[] = [...lengthChecks, ...compositionChecks, ...contextChecks];

/**
 * Every rule of the policy the password breaks (empty when it is accepted). Lengths count
 * Unicode code points of the NFKC form. The same function runs in the API (enforcement) and
 * in the browser (live preview); only the history check needs the API's answer (`reused`).
 */
export function evaluatePassword(
  policy: PasswordPolicy,
  password: string,
  context: PasswordContext = {},
): PasswordEvaluation {
  const normalized = normalizePassword(password);
  const violations = CHECKS.map((check) => check(policy, normalized, context)).filter(
    (v): v is Violation => v !== undefined,
  );
  return { ok: violations.length === 0, violations };
}
