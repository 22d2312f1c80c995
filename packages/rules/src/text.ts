// Small Unicode helpers shared by the username and password engines.

/** Removes combining marks after canonical decomposition: « Côté » → « Cote ». */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Length in Unicode code points (what a person counts), not UTF-16 units: « 😀é » has 2. */
export function codePointLength(s: string): number {
  let count = 0;
  for (const _ of s) count += 1;
  return count;
}
