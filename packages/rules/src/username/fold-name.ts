import { stripMarks } from '../text.js';

/** Letters that canonical decomposition does not reduce to a–z. Keys are lower case. */
const LATIN_EXTRAS: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ŀ: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ſ: 's',
};

/**
 * A name reduced to the letters a–z: lower case, accents removed (é→e, ç→c), ligatures and
 * special letters spelled out (œ→oe, æ→ae, ß→ss, ø→o), everything else dropped (spaces,
 * hyphens, apostrophes, digits, other scripts). « Lévesque-Côté » → « levesquecote ».
 */
export function foldName(s: string): string {
  const decomposed = stripMarks(s.normalize('NFKC').toLowerCase());
  return decomposed.replace(/[^a-z]/gu, (ch) => LATIN_EXTRAS[ch] ?? '');
}
