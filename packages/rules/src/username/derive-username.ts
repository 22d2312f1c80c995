import type { UsernameRule } from '@guichet/types';
import { foldName } from './fold-name.js';
import { usernameError, usernameOk, type UsernameResult } from './username-error.js';

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

type NameDerivedRule = Extract<UsernameRule, { kind: 'name-derived' }>;

/**
 * How many letters to take from each folded name. The username aims at
 * `lastNameLetters + firstNameLetters` letters; when one name is too short, the other one
 * completes it, so nobody gets a shorter username than the names allow:
 *
 *   lastTake  = min(len(last),  max(lastNameLetters, total − len(first)))
 *   firstTake = min(len(first), total − lastTake)
 *
 * Cégep (3 + 1): Tremblay Jean → tre + j; Lê Anne → le + an (« lean »); Tremblay with no
 * first name → trem; Ng Y → ng + y (« ngy », the names have no more letters).
 */
export function letterCounts(
  rule: Pick<NameDerivedRule, 'lastNameLetters' | 'firstNameLetters'>,
  last: string,
  first: string,
): { last: number; first: number } {
  const total = rule.lastNameLetters + rule.firstNameLetters;
  const lastTake = Math.min(last.length, Math.max(rule.lastNameLetters, total - first.length));
  const firstTake = Math.min(first.length, total - lastTake);
  return { last: lastTake, first: firstTake };
}

/**
 * The username a name-derived rule gives a person, before any collision suffix: the first
 * letters of the folded last name, then of the folded first name (see {@link letterCounts}).
 * Hyphens, apostrophes and spaces vanish in folding: St-Pierre → « stp », D'Amours → « dam ».
 */
export function deriveUsername(rule: UsernameRule, name: PersonName): UsernameResult {
  if (rule.kind !== 'name-derived') return usernameError('rule_not_derivable');
  const last = foldName(name.lastName);
  if (last === '') return usernameError('last_name_unusable');
  const first = foldName(name.firstName);
  const take = letterCounts(rule, last, first);
  return usernameOk(last.slice(0, take.last) + first.slice(0, take.first));
}
