/** What the admin app reports about a tenant's password policy. */
export const POLICY_ISSUE_CODES = [
  // errors: under the platform floor, the settings are refused
  'min_length_below_floor',
  'max_length_below_floor',
  'deny_common_required',
  'disallow_username_required',
  // warnings and advice: weaker than current guidance (NIST SP 800-63B), allowed
  'min_length_under_8',
  'min_length_under_15',
  'max_length_under_64',
  'deny_list_disabled',
  'username_allowed',
  'composition_rules',
] as const;
export type PolicyIssueCode = (typeof POLICY_ISSUE_CODES)[number];

export type PolicyIssueSeverity = 'error' | 'warning' | 'info';

export interface PolicyIssue {
  readonly code: PolicyIssueCode;
  readonly severity: PolicyIssueSeverity;
  readonly params?: Readonly<Record<string, number | string>>;
}
