/** Why a password is refused, in the order evaluatePassword reports them. */
export const VIOLATION_CODES = [
  'too_short',
  'too_long',
  'missing_digit',
  'missing_letter',
  'missing_upper',
  'missing_lower',
  'missing_symbol',
  'contains_username',
  'common_password',
  'reused',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  readonly code: ViolationCode;
  readonly params?: Readonly<Record<string, number | string>>;
}

export interface PasswordEvaluation {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
}

/** What the engine cannot know by itself. */
export interface PasswordContext {
  /** The account's username; needed for `contains_username`. */
  readonly username?: string | null;
  /**
   * Whether the password matches one of the account's last `historyCount` passwords. Hashes
   * stay in the API: it verifies them (argon2, async) and passes the answer here. Left
   * undefined (e.g. in the browser), the history rule is not checked.
   */
  readonly reused?: boolean;
}
