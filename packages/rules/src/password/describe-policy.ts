import type { PasswordPolicy } from '@guichet/types';
import { evaluatePassword } from './evaluate-password.js';
import type { PasswordContext, ViolationCode } from './violation.js';

/** The rules a policy can show to people, in display order. */
export const RULE_CODES = [
  'min_length',
  'max_length',
  'digit',
  'letter',
  'upper',
  'lower',
  'symbol',
  'not_username',
  'not_common',
  'not_reused',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export interface RuleItem {
  readonly code: RuleCode;
  readonly params?: Readonly<Record<string, number | string>>;
}

/** `met` is null when it cannot be told here: no username given, history unknown, or nothing typed yet for a "must not" rule. */
export interface ChecklistItem extends RuleItem {
  readonly met: boolean | null;
}

/** The violation each rule prevents. */
export const RULE_VIOLATION: Readonly<Record<RuleCode, ViolationCode>> = {
  min_length: 'too_short',
  max_length: 'too_long',
  digit: 'missing_digit',
  letter: 'missing_letter',
  upper: 'missing_upper',
  lower: 'missing_lower',
  symbol: 'missing_symbol',
  not_username: 'contains_username',
  not_common: 'common_password',
  not_reused: 'reused',
};

/** Rules that a password breaks by containing something; an empty password trivially keeps them. */
const NEGATIVE_RULES: ReadonlySet<RuleCode> = new Set([
  'max_length',
  'not_username',
  'not_common',
  'not_reused',
]);

function ruleApplies(policy: PasswordPolicy, code: RuleCode): boolean {
  switch (code) {
    case 'min_length':
    case 'max_length':
      return true;
    case 'digit':
      return policy.requireDigit;
    case 'letter':
      return policy.requireLetter;
    case 'upper':
      return policy.requireUpper;
    case 'lower':
      return policy.requireLower;
    case 'symbol':
      return policy.requireSymbol;
    case 'not_username':
      return policy.disallowUsername;
    case 'not_common':
      return policy.denyCommon;
    case 'not_reused':
      return policy.historyCount > 0;
  }
}

function ruleParams(policy: PasswordPolicy, code: RuleCode): RuleItem['params'] {
  switch (code) {
    case 'min_length':
      return { min: policy.minLength };
    case 'max_length':
      return { max: policy.maxLength };
    case 'not_reused':
      return { count: policy.historyCount };
    default:
      return undefined;
  }
}

/** The policy as a list of rules (« Au moins 4 caractères », « Au moins un chiffre »…), for pages and the admin preview. */
export function describePolicy(policy: PasswordPolicy): RuleItem[] {
  return RULE_CODES.filter((code) => ruleApplies(policy, code)).map((code) => {
    const params = ruleParams(policy, code);
    return params === undefined ? { code } : { code, params };
  });
}

function isUnknown(item: RuleItem, password: string, context: PasswordContext): boolean {
  if (password === '' && NEGATIVE_RULES.has(item.code)) return true;
  if (item.code === 'not_username') return !context.username;
  if (item.code === 'not_reused') return context.reused === undefined;
  return false;
}

/** Each rule of the policy with whether the password meets it: the live checklist under a password field. */
export function checklist(
  policy: PasswordPolicy,
  password: string,
  context: PasswordContext = {},
): ChecklistItem[] {
  const broken = new Set(evaluatePassword(policy, password, context).violations.map((v) => v.code));
  return describePolicy(policy).map((item) => ({
    ...item,
    met: isUnknown(item, password, context) ? null : !broken.has(RULE_VIOLATION[item.code]),
  }));
}
