import { describe, expect, it } from '@jest/globals';
import {
  COMMON_PASSWORDS_SOURCE,
  commonPasswordCount,
  isCommonPassword,
} from './common-passwords.js';

describe('common-password deny list', () => {
  it('holds at least 10,000 entries and names its source', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(COMMON_PASSWORDS_SOURCE).toMatch(/MIT/);
  });

  it.each([
    ['123456'],
    ['password'],
    ['qwerty'],
    ['1234'],
    ['abc123'],
    ['iloveyou'],
    ['letmein'],
    ['Password1'],
  ])('knows the classics: %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([
    ['motdepasse'],
    ['MotDePasse'],
    ['bonjour'],
    ['soleil'],
    ['azerty'],
    ['canadiens'],
    ['habs'],
    ['Québec'],
    ['Montréal'],
    ['nordiques'],
    ['cégep'],
    ['Sept-Îles'],
    ['Montérégie'],
    ['Soleil123'],
    ['quebec2024'],
    ['Été2024'],
    ['hiver25'],
    ['Automne2023!'],
    ['janvier2026'],
    ['Décembre2019'],
  ])('knows French and Québec ones, ignoring case and accents: %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([['correct cheval agrafe pile'], ['x7qz'], ['Tr3mbl@y-Sept-Îles-2024'], ['']])(
    'lets others through: %j',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});
