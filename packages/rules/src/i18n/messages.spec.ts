import { describe, expect, it } from '@jest/globals';
import { LOCALES, type Locale } from '@guichet/types';
import { checklist } from '../password/describe-policy.js';
import { evaluatePassword } from '../password/evaluate-password.js';
import { POLICY_ISSUE_CODES } from '../password/policy-issue.js';
import { RULE_CODES } from '../password/describe-policy.js';
import { VIOLATION_CODES } from '../password/violation.js';
import { USERNAME_ERROR_CODES } from '../username/username-error.js';
import { formatMessage } from './format.js';
import {
  CATALOGS,
  policyIssueMessage,
  ruleMessage,
  usernameErrorMessage,
  violationMessage,
} from './messages.js';
import { MONTEREGIE } from '../password/policies.fixture.js';

/** Every parameter any message may use, so no placeholder is left unfilled. */
const PARAMS = {
  min: 4,
  max: 128,
  count: 3,
  example: 'gama1234',
  floor: 4,
  value: 2,
  recommended: 8,
};

describe('messages', () => {
  it('shows the Montérégie violations in Québec French', () => {
    const fr = (password: string): string[] =>
      evaluatePassword(MONTEREGIE, password, { username: 'gama1234', reused: true }).violations.map(
        (v) => violationMessage(v, 'fr'),
      );
    expect(fr('ab1')).toEqual(['Le mot de passe doit contenir au moins 4 caractères.']);
    expect(fr('abcd')).toEqual(['Le mot de passe doit contenir au moins un chiffre.']);
    expect(fr('1234')).toEqual([
      'Le mot de passe doit contenir au moins une lettre.',
      'Ce mot de passe est trop courant. Choisissez-en un autre.',
    ]);
    expect(fr('gama1234')).toEqual([
      "Le mot de passe ne doit pas contenir votre nom d'utilisateur.",
    ]);
    expect(violationMessage({ code: 'reused', params: { count: 3 } }, 'fr')).toBe(
      'Vous avez déjà utilisé ce mot de passe récemment. Choisissez-en un autre.',
    );
  });

  it('words the checklist in each language, with plurals', () => {
    const items = checklist(MONTEREGIE, 'abc1');
    expect(items.map((i) => ruleMessage(i, 'fr'))).toEqual([
      'Au moins 4 caractères',
      'Au plus 128 caractères',
      'Au moins un chiffre',
      'Au moins une lettre',
      "Ne contient pas votre nom d'utilisateur",
      "N'est pas un mot de passe courant",
    ]);
    expect(ruleMessage(items[0]!, 'en')).toBe('At least 4 characters');
    expect(ruleMessage(items[0]!, 'pt')).toBe('Pelo menos 4 caracteres');
    expect(ruleMessage({ code: 'min_length', params: { min: 1 } }, 'fr')).toBe(
      'Au moins 1 caractère',
    );
    expect(ruleMessage({ code: 'min_length', params: { min: 1 } }, 'en')).toBe(
      'At least 1 character',
    );
    expect(ruleMessage({ code: 'not_reused', params: { count: 1 } }, 'fr')).toBe(
      'Différent de votre dernier mot de passe',
    );
    expect(ruleMessage({ code: 'not_reused', params: { count: 5 } }, 'fr')).toBe(
      'Différent de vos 5 derniers mots de passe',
    );
    expect(ruleMessage({ code: 'not_reused', params: { count: 5 } }, 'pt')).toBe(
      'Diferente das suas últimas 5 palavras-passe',
    );
  });

  it('explains username errors, with the tenant example', () => {
    const error = { code: 'username_pattern_mismatch', params: { example: 'gama1234' } } as const;
    expect(usernameErrorMessage(error, 'fr')).toBe(
      "Ce nom d'utilisateur n'a pas le format attendu (par exemple\u00a0: gama1234).",
    );
    expect(usernameErrorMessage(error, 'en')).toBe(
      'This username does not have the expected format (for example: gama1234).',
    );
    expect(usernameErrorMessage(error, 'pt')).toBe(
      'Este nome de utilizador não tem o formato esperado (por exemplo: gama1234).',
    );
  });

  it('explains floor errors to the admin', () => {
    expect(
      policyIssueMessage(
        { code: 'min_length_below_floor', severity: 'error', params: { floor: 4, value: 2 } },
        'fr',
      ),
    ).toBe(
      'La longueur minimale ne peut pas être inférieure à 4 caractères (valeur demandée\u00a0: 2).',
    );
  });

  it('falls back to French for a locale it does not know', () => {
    expect(violationMessage({ code: 'missing_digit' }, 'de' as Locale)).toBe(
      'Le mot de passe doit contenir au moins un chiffre.',
    );
  });

  describe.each(LOCALES)('%s catalog', (locale) => {
    const all: [string, string][] = [
      ...VIOLATION_CODES.map(
        (code) => [code, violationMessage({ code, params: PARAMS }, locale)] as [string, string],
      ),
      ...RULE_CODES.map(
        (code) => [code, ruleMessage({ code, params: PARAMS }, locale)] as [string, string],
      ),
      ...USERNAME_ERROR_CODES.map(
        (code) =>
          [code, usernameErrorMessage({ code, params: PARAMS }, locale)] as [string, string],
      ),
      ...POLICY_ISSUE_CODES.map(
        (code) =>
          [code, policyIssueMessage({ code, severity: 'error', params: PARAMS }, locale)] as [
            string,
            string,
          ],
      ),
    ];

    it.each(all)('%s has a complete text', (_code, text) => {
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/[{}]/);
    });

    it('is its own language, not a copy of another', () => {
      for (const other of LOCALES.filter((l) => l !== locale)) {
        expect(CATALOGS[locale].violations.missing_digit).not.toEqual(
          CATALOGS[other].violations.missing_digit,
        );
      }
    });
  });
});

describe('formatMessage', () => {
  it('picks the plural form of the count parameter for the locale', () => {
    const message = { count: 'n', one: '{n} essai', other: '{n} essais' };
    expect(formatMessage('fr', message, { n: 0 })).toBe('0 essai');
    expect(formatMessage('fr', message, { n: 1 })).toBe('1 essai');
    expect(formatMessage('en', { count: 'n', one: '{n} try', other: '{n} tries' }, { n: 0 })).toBe(
      '0 tries',
    );
    expect(formatMessage('fr', message, { n: 2 })).toBe('2 essais');
  });

  it('formats numbers for the locale and leaves unknown placeholders', () => {
    expect(formatMessage('fr', 'au moins {n}', { n: 1000 })).toBe('au moins 1\u202f000');
    expect(formatMessage('en', 'at least {n}', { n: 1000 })).toBe('at least 1,000');
    expect(formatMessage('en', 'hello {who}')).toBe('hello {who}');
  });
});
