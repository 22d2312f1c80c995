import type { UsernameRule } from '@guichet/types';

/** Test fixtures (not built): the two guides' username rules. */

/** Cégep de Sept-Îles: 3 first letters of the last name + first letter of the first name. */
export const CEGEP: UsernameRule = {
  kind: 'name-derived',
  lastNameLetters: 3,
  firstNameLetters: 1,
  collision: 'numeric-suffix',
};

/** CISSS de la Montérégie: the unified account, checked by its pattern. */
export const MONTEREGIE: UsernameRule = {
  kind: 'pattern',
  pattern: '[a-z]{4}\\d{4}',
  example: 'gama1234',
};
