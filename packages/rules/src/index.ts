// @guichet/rules — the pure username-rule and password-policy engine (no I/O): the API
// enforces with it, the admin app and the portal preview with it.

// Usernames
export { foldName } from './username/fold-name.js';
export { deriveUsername, letterCounts } from './username/derive-username.js';
export type { PersonName } from './username/derive-username.js';
export { nextAvailableUsername } from './username/next-available-username.js';
export type { TakenUsernames } from './username/next-available-username.js';
export {
  checkUsername,
  normalizeUsername,
  USERNAME_MAX_LENGTH,
} from './username/check-username.js';
export { resolveUsername } from './username/resolve-username.js';
export type { DirectoryPerson, ResolvedUsername } from './username/resolve-username.js';
export { USERNAME_ERROR_CODES } from './username/username-error.js';
export type {
  UsernameError,
  UsernameErrorCode,
  UsernameResult,
} from './username/username-error.js';

// Passwords
export { VIOLATION_CODES } from './password/violation.js';
export type {
  PasswordContext,
  PasswordEvaluation,
  Violation,
  ViolationCode,
} from './password/violation.js';
export {
  containsUsername,
  evaluatePassword,
  MIN_USERNAME_LENGTH_TO_SEARCH,
  normalizePassword,
} from './password/evaluate-password.js';
export {
  checklist,
  describePolicy,
  RULE_CODES,
  RULE_VIOLATION,
} from './password/describe-policy.js';
export type { ChecklistItem, RuleCode, RuleItem } from './password/describe-policy.js';
export {
  COMMON_PASSWORDS_SOURCE,
  commonPasswordCount,
  isCommonPassword,
} from './password/common-passwords.js';
export { applyFloor, checkPolicyAgainstFloor, PLATFORM_FLOOR } from './password/platform-floor.js';
export {
  NIST_MAX_LENGTH,
  NIST_MIN_LENGTH,
  NIST_PREFERRED_MIN_LENGTH,
  policyWarnings,
} from './password/policy-warnings.js';
export { POLICY_ISSUE_CODES } from './password/policy-issue.js';
export type { PolicyIssue, PolicyIssueCode, PolicyIssueSeverity } from './password/policy-issue.js';

// Messages (fr, en, pt)
export {
  CATALOGS,
  policyIssueMessage,
  ruleMessage,
  usernameErrorMessage,
  violationMessage,
} from './i18n/messages.js';
export type { Catalog } from './i18n/catalog.js';
export { formatMessage } from './i18n/format.js';
export type { Message, MessageParams, PluralMessage } from './i18n/format.js';
