import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@guichet/types';

/** Test fixtures (not built): the two guides' policies. */

/** CISSS de la Montérégie: « au moins 4 caractères et contenir au moins un chiffre et une lettre ». */
export const MONTEREGIE: PasswordPolicy = {
  ...DEFAULT_PASSWORD_POLICY,
  minLength: 4,
  requireDigit: true,
  requireLetter: true,
};

/** Cégep de Sept-Îles: a longer password, no class required, the last three refused. */
export const CEGEP: PasswordPolicy = {
  ...MONTEREGIE,
  minLength: 10,
  requireDigit: false,
  historyCount: 3,
};
