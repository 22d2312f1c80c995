import { normalizeUsername } from '@guichet/rules';
import type { DataSource, EntityManager } from 'typeorm';

/** The id of the tenant's account with that username (normalized), if any. */
export async function findAccountId(
  db: DataSource | EntityManager,
  tenantId: string,
  username: string,
): Promise<string | null> {
  const [row] = await db.query<{ id: string }[]>(
    'SELECT id FROM users WHERE tenant_id = $1 AND username = $2',
    [tenantId, normalizeUsername(username)],
  );
  return row?.id ?? null;
}

/**
 * The accent-folding table of `foldedSql`: every Latin letter with diacritics of Latin-1 and
 * Latin Extended-A/B (upper and lower case) → its base letter in lower case, from Unicode
 * decomposition; plus the letters that do not decompose (ø, đ, ł, ħ, ŧ, ı), the ligatures in
 * lower case (expanded after), and the typographic apostrophe of « D’Amours ».
 */
function foldingTable(): { from: string; to: string } {
  let from = 'ØøĐđŁłĦħŦŧıŒœÆæ’';
  let to = "ooddllhhttiœœææ'";
  for (let code = 0xc0; code <= 0x24f; code += 1) {
    const letter = String.fromCodePoint(code);
    const base = letter.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (/^[a-z]$/.test(base) && !from.includes(letter)) {
      from += letter;
      to += base;
    }
  }
  // translate() pairs the two strings character by character.
  if ([...from].length !== [...to].length)
    throw new Error('accent folding table: from and to differ in length');
  return { from, to };
}

const FOLD = foldingTable();

/**
 * SQL of `expr` in lower case without accents (« Lévesque », « LÉVESQUE » → « levesque »,
 * « Œuvrard » → « oeuvrard »), with translate(): portable, no `unaccent` extension, and the
 * same whatever the database's collation (upper-case accented letters are in the table, so
 * a C-locale lower() that leaves them is not relied on).
 */
export function foldedSql(expr: string): string {
  const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return `replace(replace(replace(translate(lower(${expr}), ${literal(FOLD.from)}, ${literal(FOLD.to)}), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')`;
}
