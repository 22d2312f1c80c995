import type { PasswordPolicy } from '@guichet/types';
import type { PolicyIssue } from './policy-issue.js';

/** NIST SP 800-63B: user-chosen passwords of at least 8 characters, 15 when the password is the only factor. */
export const NIST_MIN_LENGTH = 8;
export const NIST_PREFERRED_MIN_LENGTH = 15;
/** NIST SP 800-63B: accept passwords of at least 64 characters. */
export const NIST_MAX_LENGTH = 64;

function lengthWarnings(policy: PasswordPolicy): PolicyIssue[] {
  if (policy.minLength < NIST_MIN_LENGTH) {
    return [
      {
        code: 'min_length_under_8',
        severity: 'warning',
        params: { value: policy.minLength, recommended: NIST_MIN_LENGTH },
      },
    ];
  }
  if (policy.minLength < NIST_PREFERRED_MIN_LENGTH) {
    return [
      {
        code: 'min_length_under_15',
        severity: 'info',
        params: { value: policy.minLength, recommended: NIST_PREFERRED_MIN_LENGTH },
      },
    ];
  }
  return [];
}

/**
 * Where a policy is weaker than current guidance, for the tenant admin to see. These do not
 * block saving (the floor does); « composition_rules » is advice: NIST no longer recommends
 * requiring digits, capitals or symbols, length protects better.
 */
export function policyWarnings(policy: PasswordPolicy): PolicyIssue[] {
  const issues = lengthWarnings(policy);
  if (policy.maxLength < NIST_MAX_LENGTH)
    issues.push({
      code: 'max_length_under_64',
      severity: 'warning',
      params: { value: policy.maxLength, recommended: NIST_MAX_LENGTH },
    });
  if (!policy.denyCommon) issues.push({ code: 'deny_list_disabled', severity: 'warning' });
  if (!policy.disallowUsername) issues.push({ code: 'username_allowed', severity: 'warning' });
  const composition =
    policy.requireDigit ||
    policy.requireLetter ||
    policy.requireUpper ||
    policy.requireLower ||
    policy.requireSymbol;
  if (composition) issues.push({ code: 'composition_rules', severity: 'info' });
  return issues;
}
