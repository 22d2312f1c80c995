/**
 * Accent folding in SQL, the one place it is written. Two strengths, for two uses:
 * `foldedSql` for searching (case and accents ignored, the rest kept), `nameKeySql` for the
 * username lookup (the SQL twin of `foldName` in @guichet/rules: only a–z kept).
 */

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

/** Letters NFD does not reduce to a–z, in the order `foldName` spells them out. */
const NAME_EXTRAS: readonly (readonly [string, string])[] = [
  ['œ', 'oe'],
  ['æ', 'ae'],
  ['ß', 'ss'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ł', 'l'],
];

/**
 * SQL of `expr` folded as `foldName` folds a name (lower case, marks removed, œ → oe…, only
 * a–z kept): « Lévesque-Côté » → « levesquecote ». Close to it rather than equal (compatibility
 * forms are not decomposed): rows it finds are checked again with `foldName` itself.
 */
export function nameKeySql(expr: string): string {
  let folded = `regexp_replace(normalize(lower(${expr}), NFD), '[\\u0300-\\u036f]', '', 'g')`;
  for (const [from, to] of NAME_EXTRAS) folded = `replace(${folded}, '${from}', '${to}')`;
  return `regexp_replace(${folded}, '[^a-z]', '', 'g')`;
}
