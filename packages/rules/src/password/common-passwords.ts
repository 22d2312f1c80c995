import {
  UPSTREAM_COMMON_PASSWORDS,
  UPSTREAM_COMMON_PASSWORDS_SOURCE,
} from '../data/common-passwords.generated.js';
import { quebecCommonPasswords } from '../data/quebec-common-passwords.js';
import { stripMarks } from '../text.js';

export { UPSTREAM_COMMON_PASSWORDS_SOURCE as COMMON_PASSWORDS_SOURCE };

let denyList: ReadonlySet<string> | undefined;

/** The deny list, built on first use (a few ms) and kept for the life of the process or page. */
function commonPasswords(): ReadonlySet<string> {
  denyList ??= new Set([...UPSTREAM_COMMON_PASSWORDS.split('\n'), ...quebecCommonPasswords()]);
  return denyList;
}

/** Number of distinct entries in the deny list. */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/**
 * Whether a password is on the deny list, ignoring case and accents: « Soleil », « SOLEIL »
 * and « Montréal » are common because « soleil » and « montreal » are listed.
 */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.normalize('NFKC').toLowerCase();
  return list.has(lower) || list.has(stripMarks(lower));
}
