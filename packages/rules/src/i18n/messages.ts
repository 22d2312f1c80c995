import type { Locale } from '@guichet/types';
import type { ChecklistItem, RuleItem } from '../password/describe-policy.js';
import type { PolicyIssue } from '../password/policy-issue.js';
import type { Violation } from '../password/violation.js';
import type { UsernameError } from '../username/username-error.js';
import type { Catalog } from './catalog.js';
import { en } from './catalog.en.js';
import { fr } from './catalog.fr.js';
import { pt } from './catalog.pt.js';
import { formatMessage, type Message, type MessageParams } from './format.js';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { fr, en, pt };

/** The locale itself, or French (the platform default) for anything unknown at run time. */
function supported(locale: Locale): Locale {
  return Object.hasOwn(CATALOGS, locale) ? locale : 'fr';
}

function format<K extends keyof Catalog>(
  locale: Locale,
  section: K,
  code: keyof Catalog[K],
  params: MessageParams | undefined,
): string {
  const chosen = supported(locale);
  const message = CATALOGS[chosen][section][code] as Message;
  return formatMessage(chosen, message, params);
}

/** « Le mot de passe doit contenir au moins 4 caractères. » */
export function violationMessage(violation: Violation, locale: Locale): string {
  return format(locale, 'violations', violation.code, violation.params);
}

/** « Au moins 4 caractères », for describePolicy and checklist items. */
export function ruleMessage(item: RuleItem | ChecklistItem, locale: Locale): string {
  return format(locale, 'rules', item.code, item.params);
}

/** « Ce nom d'utilisateur n'a pas le format attendu (par exemple : gama1234). » */
export function usernameErrorMessage(error: UsernameError, locale: Locale): string {
  return format(locale, 'usernameErrors', error.code, error.params);
}

/** Floor errors and NIST warnings about a tenant's password policy, for the admin app. */
export function policyIssueMessage(issue: PolicyIssue, locale: Locale): string {
  return format(locale, 'policyIssues', issue.code, issue.params);
}
