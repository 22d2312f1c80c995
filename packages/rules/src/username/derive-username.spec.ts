import { describe, expect, it } from '@jest/globals';
import type { UsernameRule } from '@guichet/types';
import { deriveUsername } from './derive-username.js';
import { CEGEP, MONTEREGIE } from './rules.fixture.js';

describe('deriveUsername, Cégep rule (3 + 1)', () => {
  it.each([
    // plain names
    ['Tremblay', 'Jean', 'trej'],
    ['Gagnon', 'Zoé', 'gagz'],
    ['Roy', 'Denis', 'royd'],
    ['Morin', 'Chantal', 'morc'],
    ['Fortin', 'Émile', 'fore'],
    ['Pelletier', 'Stéphane', 'pels'],
    ['Leblanc', 'Mélanie', 'lebm'],
    ['Bergeron', 'Noémie', 'bern'],
    ['Nguyen', 'Thi', 'ngut'],
    // accents folded
    ['Côté', 'Émilie', 'cote'],
    ['Bélanger', 'François', 'belf'],
    ['Gagné', 'Marie-Ève', 'gagm'],
    ['Ouellet', 'Geneviève', 'oueg'],
    ['Lefèbvre', 'Hélène', 'lefh'],
    ['Gélinas', 'Josée', 'gelj'],
    ['Hébert', 'Ginette', 'hebg'],
    ['Émond', 'Ïsabelle', 'emoi'],
    ['Aubé', 'Ulysse', 'aubu'],
    ['Lavoie', 'Benoît', 'lavb'],
    ['Çelik', 'Ayşe', 'cela'],
    ['Müller', 'Jürgen', 'mulj'],
    ['Æbelø', 'Karen', 'aebk'],
    ['Øster', 'Åsa', 'osta'],
    // compound names: hyphens, apostrophes and spaces removed first
    ['St-Pierre', 'Marc', 'stpm'],
    ['Saint-Pierre', 'Sébastien', 'sais'],
    ["D'Amours", 'Julie', 'damj'],
    ['D’Amours', 'Julie', 'damj'],
    ["O'Neil", 'Patrick', 'onep'],
    ["L'Heureux", 'Nathalie', 'lhen'],
    ['Lévesque-Côté', 'Sophie', 'levs'],
    ['Van der Berg', 'Anna', 'vana'],
    ['Mc Donald', 'Kevin', 'mcdk'],
    ['Saint-Onge', 'Luc', 'sail'],
    ['Brisson-Gauthier', 'Chloé', 'bric'],
    ['Gauthier', 'Jean-François', 'gauj'],
    ['Ste-Marie', 'Annie', 'stea'],
    ['De La Fontaine', 'Pierre', 'delp'],
    ['Du Sault', 'Ève', 'duse'],
    ['Gagné-Roy', 'Ève-Marie', 'gage'],
    ['Caron-Ng', 'Li', 'carl'],
    ['Lê-Ng', 'Yves', 'leny'],
    // case and spacing do not matter
    ['TREMBLAY', 'JEAN', 'trej'],
    ['  tremblay ', ' jean  ', 'trej'],
    // short last names: completed from the first name
    ['Lê', 'Anne', 'lean'],
    ['Ng', 'Wei', 'ngwe'],
    ['Ng', 'Ly', 'ngly'],
    ['Ly', 'Hoa', 'lyho'],
    ['Li', 'Bo', 'libo'],
    ['Hô', 'Bé', 'hobe'],
    ['Vo', 'Thanh', 'voth'],
    ['O', 'Al', 'oal'],
    ['Ng', 'Y', 'ngy'],
    // no first name (mononym): completed from the last name
    ['Tremblay', '', 'trem'],
    ['Roy', '', 'roy'],
  ])('%s, %s → %s', (lastName, firstName, expected) => {
    expect(deriveUsername(CEGEP, { firstName, lastName })).toEqual({
      ok: true,
      username: expected,
    });
  });

  it.each([[''], ['   '], ['李'], ["-'-"], ['123']])(
    'refuses a last name with no usable letter: %j',
    (lastName) => {
      expect(deriveUsername(CEGEP, { firstName: 'Jean', lastName })).toEqual({
        ok: false,
        error: { code: 'last_name_unusable' },
      });
    },
  );
});

describe('deriveUsername, other name-derived rules', () => {
  it('takes the configured number of letters', () => {
    const rule: UsernameRule = {
      kind: 'name-derived',
      lastNameLetters: 5,
      firstNameLetters: 2,
      collision: 'numeric-suffix',
    };
    expect(deriveUsername(rule, { firstName: 'Jean', lastName: 'Tremblay' })).toEqual({
      ok: true,
      username: 'trembje',
    });
    expect(deriveUsername(rule, { firstName: 'Jean', lastName: 'Roy' })).toEqual({
      ok: true,
      username: 'royjean',
    });
  });

  it('with no first-name letters, uses the last name only (completed from the first name when short)', () => {
    const rule: UsernameRule = {
      kind: 'name-derived',
      lastNameLetters: 6,
      firstNameLetters: 0,
      collision: 'numeric-suffix',
    };
    expect(deriveUsername(rule, { firstName: 'Jean', lastName: 'Tremblay' })).toEqual({
      ok: true,
      username: 'trembl',
    });
    expect(deriveUsername(rule, { firstName: 'Anne', lastName: 'Lê' })).toEqual({
      ok: true,
      username: 'leanne',
    });
  });
});

describe('deriveUsername, pattern rule', () => {
  it('cannot derive the Montérégie unified account', () => {
    expect(deriveUsername(MONTEREGIE, { firstName: 'Jean', lastName: 'Tremblay' })).toEqual({
      ok: false,
      error: { code: 'rule_not_derivable' },
    });
  });
});
