/** Why a username could not be derived, checked or resolved. */
export const USERNAME_ERROR_CODES = [
  /** The last name has no letter a–z left once folded (empty, digits only, non-Latin script…). */
  'last_name_unusable',
  /** The tenant's rule is a pattern: usernames come from the directory, they are not derived. */
  'rule_not_derivable',
  /** No username was given and the tenant's rule cannot derive one. */
  'username_required',
  'username_empty',
  'username_too_long',
  /** Name-derived tenants: only a–z, 0–9, « . », « - », « _ », starting and ending with a–z or 0–9. */
  'username_invalid_characters',
  /** Pattern tenants: the username does not match the tenant's pattern. */
  'username_pattern_mismatch',
  /** The tenant's pattern is not a valid regular expression (the settings schema should prevent it). */
  'rule_pattern_invalid',
] as const;
export type UsernameErrorCode = (typeof USERNAME_ERROR_CODES)[number];

export interface UsernameError {
  readonly code: UsernameErrorCode;
  readonly params?: Readonly<Record<string, number | string>>;
}

export type UsernameResult =
  | { readonly ok: true; readonly username: string }
  | { readonly ok: false; readonly error: UsernameError };

export function usernameOk(username: string): UsernameResult {
  return { ok: true, username };
}

export function usernameError(
  code: UsernameErrorCode,
  params?: UsernameError['params'],
): { readonly ok: false; readonly error: UsernameError } {
  return { ok: false, error: params === undefined ? { code } : { code, params } };
}
