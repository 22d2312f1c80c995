import type { PasswordPolicy } from '@guichet/types';
import type { PolicyIssue } from './policy-issue.js';

/**
 * The weakest password policy a tenant may set. It admits the CISSS de la Montérégie rule
 * from its guide (« au moins 4 caractères et contenir au moins un chiffre et une lettre »),
 * so the minimum length is 4; long passwords (≥ 64) must be accepted, and common passwords
 * and passwords containing the username are always refused.
 */
export const PLATFORM_FLOOR = Object.freeze({
  minLength: 4,
  /** The tenant's maxLength may not be lower than this. */
  maxLength: 64,
  denyCommon: true,
  disallowUsername: true,
} as const);

/** The reasons a policy is under the floor (empty when it is not); the API refuses such settings. */
export function checkPolicyAgainstFloor(policy: PasswordPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (policy.minLength < PLATFORM_FLOOR.minLength) {
    issues.push({
      code: 'min_length_below_floor',
      severity: 'error',
      params: { floor: PLATFORM_FLOOR.minLength, value: policy.minLength },
    });
  }
  if (policy.maxLength < PLATFORM_FLOOR.maxLength) {
    issues.push({
      code: 'max_length_below_floor',
      severity: 'error',
      params: { floor: PLATFORM_FLOOR.maxLength, value: policy.maxLength },
    });
  }
  if (!policy.denyCommon) issues.push({ code: 'deny_common_required', severity: 'error' });
  if (!policy.disallowUsername)
    issues.push({ code: 'disallow_username_required', severity: 'error' });
  return issues;
}

/** The policy raised to the floor where it is under it (what is enforced if a stored policy is ever weaker). */
export function applyFloor(policy: PasswordPolicy): PasswordPolicy {
  return {
    ...policy,
    minLength: Math.max(policy.minLength, PLATFORM_FLOOR.minLength),
    maxLength: Math.max(policy.maxLength, PLATFORM_FLOOR.maxLength),
    denyCommon: true,
    disallowUsername: true,
  };
}
