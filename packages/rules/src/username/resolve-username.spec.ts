import { describe, expect, it } from '@jest/globals';
import { resolveUsername } from './resolve-username.js';
import { CEGEP, MONTEREGIE } from './rules.fixture.js';

describe('resolveUsername', () => {
  it('derives and adds the smallest free suffix', () => {
    const taken = new Set(['trej', 'trej2']);
    expect(resolveUsername(CEGEP, { lastName: 'Tremblay', firstName: 'Julie' }, taken)).toEqual({
      ok: true,
      username: 'trej3',
      source: 'derived',
    });
    expect(
      resolveUsername(CEGEP, { lastName: 'Tremblay', firstName: 'Julie', username: '  ' }, taken),
    ).toEqual({ ok: true, username: 'trej3', source: 'derived' });
  });

  it("lets an imported username win over the rule (the guide's « sauf exception »), normalized", () => {
    const taken = new Set(['jtremblay']);
    expect(
      resolveUsername(
        CEGEP,
        { lastName: 'Tremblay', firstName: 'Jean', username: ' JTremblay ' },
        taken,
      ),
    ).toEqual({
      ok: true,
      username: 'jtremblay',
      source: 'imported',
    });
  });

  it('refuses an imported username that the rule does not allow', () => {
    expect(
      resolveUsername(CEGEP, { lastName: 'Côté', firstName: 'Luc', username: 'côté' }, new Set()),
    ).toEqual({
      ok: false,
      error: { code: 'username_invalid_characters' },
    });
    expect(
      resolveUsername(
        MONTEREGIE,
        { lastName: 'Gagnon', firstName: 'Marc', username: 'gagm' },
        new Set(),
      ),
    ).toEqual({
      ok: false,
      error: { code: 'username_pattern_mismatch', params: { example: 'gama1234' } },
    });
  });

  it('takes the unified account as given, and requires it', () => {
    expect(
      resolveUsername(
        MONTEREGIE,
        { lastName: 'Gagnon', firstName: 'Marc', username: 'GAGM0042' },
        new Set(),
      ),
    ).toEqual({
      ok: true,
      username: 'gagm0042',
      source: 'imported',
    });
    expect(
      resolveUsername(MONTEREGIE, { lastName: 'Gagnon', firstName: 'Marc' }, new Set()),
    ).toEqual({ ok: false, error: { code: 'username_required' } });
  });

  it('passes on a name that cannot be derived', () => {
    expect(resolveUsername(CEGEP, { lastName: '李', firstName: 'Wei' }, new Set())).toEqual({
      ok: false,
      error: { code: 'last_name_unusable' },
    });
  });
});
