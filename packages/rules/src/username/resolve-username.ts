import type { UsernameRule } from '@guichet/types';
import { checkUsername } from './check-username.js';
import { deriveUsername, type PersonName } from './derive-username.js';
import { nextAvailableUsername, type TakenUsernames } from './next-available-username.js';
import { usernameError, type UsernameError } from './username-error.js';

export interface DirectoryPerson extends PersonName {
  /** An explicit username from the directory (CSV column `username`): an exception that wins. */
  readonly username?: string | null;
}

export type ResolvedUsername =
  | { readonly ok: true; readonly username: string; readonly source: 'imported' | 'derived' }
  | { readonly ok: false; readonly error: UsernameError };

/**
 * The username a directory person gets:
 * - an explicit username wins, once checked against the rule (it is returned even when taken:
 *   only the caller knows whether it belongs to the same account, e.g. on a re-import);
 * - otherwise the derived username with the smallest free numeric suffix (trej, trej2…);
 * - a pattern rule cannot derive, so an explicit username is then required.
 */
export function resolveUsername(
  rule: UsernameRule,
  person: DirectoryPerson,
  taken: TakenUsernames,
): ResolvedUsername {
  const explicit = person.username?.trim() ?? '';
  if (explicit !== '') {
    const checked = checkUsername(rule, explicit);
    return checked.ok ? { ok: true, username: checked.username, source: 'imported' } : checked;
  }
  if (rule.kind !== 'name-derived') return usernameError('username_required');
  const derived = deriveUsername(rule, person);
  if (!derived.ok) return derived;
  return { ok: true, username: nextAvailableUsername(derived.username, taken), source: 'derived' };
}
