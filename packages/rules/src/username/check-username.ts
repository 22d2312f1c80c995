import { compileUsernamePattern, type UsernameMatcher, type UsernameRule } from '@guichet/types';
import { codePointLength } from '../text.js';
import { usernameError, usernameOk, type UsernameResult } from './username-error.js';

/** Longest username accepted, whatever the rule. */
export const USERNAME_MAX_LENGTH = 64;

/** What an explicit (imported) username may look like for a name-derived tenant. */
const NAME_DERIVED_USERNAME = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

/** Usernames are case-insensitive: trimmed, NFC, lower case. */
export function normalizeUsername(s: string): string {
  return s.trim().normalize('NFC').toLowerCase();
}

/** Compiled tenant patterns; bounded because the admin preview compiles one per keystroke. */
const compiledPatterns = new Map<string, UsernameMatcher | null>();
const MAX_CACHED_PATTERNS = 100;

/** The tenant pattern on the linear-time engine (see `compileUsernamePattern`); null when refused. */
function usernameMatcher(pattern: string): UsernameMatcher | null {
  let matcher = compiledPatterns.get(pattern);
  if (matcher === undefined) {
    const compiled = compileUsernamePattern(pattern);
    matcher = compiled.ok ? compiled.matcher : null;
    if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
    compiledPatterns.set(pattern, matcher);
  }
  return matcher;
}

function checkAgainstRule(rule: UsernameRule, username: string): UsernameResult {
  if (rule.kind === 'name-derived') {
    return NAME_DERIVED_USERNAME.test(username)
      ? usernameOk(username)
      : usernameError('username_invalid_characters');
  }
  const matcher = usernameMatcher(rule.pattern);
  if (matcher === null) return usernameError('rule_pattern_invalid');
  return matcher.matchesWhole(username)
    ? usernameOk(username)
    : usernameError('username_pattern_mismatch', { example: rule.example });
}

/**
 * Whether a username (typed on a page or imported) is acceptable for the tenant's rule; on
 * success, the normalized username. Pattern rules (« compte unifié ») match the whole
 * username: `[a-z]{4}\d{4}` accepts « GAMA1234 » (as « gama1234 ») but not « gama12345 ».
 */
export function checkUsername(rule: UsernameRule, username: string): UsernameResult {
  const normalized = normalizeUsername(username);
  if (normalized === '') return usernameError('username_empty');
  if (codePointLength(normalized) > USERNAME_MAX_LENGTH)
    return usernameError('username_too_long', { max: USERNAME_MAX_LENGTH });
  return checkAgainstRule(rule, normalized);
}
