import { RegExpValidator } from '@eslint-community/regexpp';
import { RE2JS } from 're2js';

/**
 * Tenant username patterns are written by tenant admins and matched on every import, rule
 * test and admin preview, so they run on RE2 (time linear in the username, whatever the
 * pattern): on a backtracking engine, `(a+)+` against 49 characters blocks the process for
 * good. Admins write JavaScript syntax (`u` mode); it is translated to RE2's.
 */
export const USERNAME_PATTERN_PROBLEMS = [
  'invalid',
  'backreference',
  'lookaround',
  'unsupported',
] as const;
export type UsernamePatternProblem = (typeof USERNAME_PATTERN_PROBLEMS)[number];

export const USERNAME_PATTERN_MESSAGES: Record<UsernamePatternProblem, string> = {
  invalid: 'a valid regular expression',
  backreference:
    'a regular expression without backreferences (\\1, \\k<name>): usernames are matched by a linear-time engine, which cannot run them',
  lookaround:
    'a regular expression without lookahead or lookbehind ((?=…), (?!…), (?<=…), (?<!…)): usernames are matched by a linear-time engine, which cannot run them',
  unsupported:
    'a regular expression the linear-time engine supports: about 1000 repeated items in all (nested repeats multiply; a username has at most 64 characters), Unicode properties in short form such as \\p{L} or \\p{Latin}',
};

export interface UsernameMatcher {
  /** Whether the whole username matches, case-insensitively. */
  matchesWhole(username: string): boolean;
}

export type CompiledUsernamePattern =
  | { readonly ok: true; readonly matcher: UsernameMatcher }
  | { readonly ok: false; readonly problem: UsernamePatternProblem };

/**
 * Matching costs the program's size times the username's length: `.{0,1000}` is 2,002
 * instructions, `[a-z]{4}\d{4}` 10. Past this, 16 × `\p{L}{1000}` took 5 ms a username.
 */
const MAX_PROGRAM_SIZE = 2100;

/** Finite repeat counts summed over the pattern: past this, refused before RE2 compiles it (compiling costs its size too). */
const MAX_REPEATS = 1000;

/** What in a valid JavaScript pattern RE2 cannot run (or would run slowly); null when nothing. */
function refusedConstruct(pattern: string): UsernamePatternProblem | null {
  let found: UsernamePatternProblem | null = null;
  let repeats = 0;
  new RegExpValidator({
    ecmaVersion: 2024,
    onBackreference: () => (found ??= 'backreference'),
    onLookaroundAssertionEnter: () => (found ??= 'lookaround'),
    onQuantifier: (_start, _end, min, max) => {
      repeats += Number.isFinite(max) ? max : min;
    },
  }).validatePattern(pattern, 0, pattern.length, { unicode: true });
  return found ?? (repeats > MAX_REPEATS ? 'unsupported' : null);
}

/** The tenant pattern compiled for RE2; refused with the reason when it cannot be. */
export function compileUsernamePattern(pattern: string): CompiledUsernamePattern {
  let problem: UsernamePatternProblem | null;
  try {
    // Parsing only (neither engine runs here), so a hostile pattern costs its length.
    new RegExp(pattern, 'u');
    problem = refusedConstruct(pattern);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (problem) return { ok: false, problem };
  let re2: RE2JS;
  try {
    re2 = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch {
    // Valid JavaScript that RE2 still refuses: its repeat limits, long Unicode property names.
    return { ok: false, problem: 'unsupported' };
  }
  if (re2.programSize() > MAX_PROGRAM_SIZE) return { ok: false, problem: 'unsupported' };
  return { ok: true, matcher: { matchesWhole: (username) => re2.testExact(username) } };
}
