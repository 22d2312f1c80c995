import type { PolicyIssueCode } from '../password/policy-issue.js';
import type { RuleCode } from '../password/describe-policy.js';
import type { ViolationCode } from '../password/violation.js';
import type { UsernameErrorCode } from '../username/username-error.js';
import type { Message } from './format.js';

/** Every user-facing text of the engine in one locale; the types make a missing text a compile error. */
export interface Catalog {
  readonly violations: Readonly<Record<ViolationCode, Message>>;
  readonly rules: Readonly<Record<RuleCode, Message>>;
  readonly usernameErrors: Readonly<Record<UsernameErrorCode, Message>>;
  readonly policyIssues: Readonly<Record<PolicyIssueCode, Message>>;
}
