import { describe, expect, it } from '@jest/globals';
import type { SyncedAccount } from '@guichet/db';
import type { UsernameRule } from '@guichet/types';
import type { MappedEntry } from './entry-mapping.js';
import { LEAVER_DISABLED, LEAVER_GONE, planSync, summaryLine } from './plan.js';
import { safetyRefusal } from './sync.js';

const cegep: UsernameRule = {
  kind: 'name-derived',
  lastNameLetters: 3,
  firstNameLetters: 1,
  collision: 'numeric-suffix',
};

const entry = (over: Partial<Extract<MappedEntry, { ok: true }>['entry']> = {}): MappedEntry => ({
  ok: true,
  entry: {
    dn: `uid=${over.username ?? 'x'},ou=people`,
    username: null,
    firstName: 'Jean',
    lastName: 'Tremblay',
    email: 'jean.tremblay@cegepsi.ca',
    externalId: 'guid-1',
    disabled: false,
    ...over,
  },
});
const account = (over: Partial<SyncedAccount> = {}): SyncedAccount => ({
  id: 'a1',
  username: 'trej',
  firstName: 'Jean',
  lastName: 'Tremblay',
  email: 'jean.tremblay@cegepsi.ca',
  externalId: 'guid-1',
  status: 'active',
  source: 'directory',
  ...over,
});

describe('planSync', () => {
  it('creates with the rule-derived username and the next free suffix', () => {
    const plan = planSync(
      [entry()],
      [account({ id: 'b', externalId: 'other', source: null })],
      cegep,
      'disable',
    );
    expect(plan.changes).toEqual([
      expect.objectContaining({
        kind: 'create',
        write: expect.objectContaining({ username: 'trej2' }),
      }),
    ]);
    expect(summaryLine(plan.counts)).toBe(
      '1 created, 0 updated, 0 disabled, 0 unchanged, 0 rejected',
    );
  });

  it('matches by externalId and reports the fields that changed (movers)', () => {
    const plan = planSync(
      [entry({ email: 'jt@cegepsi.ca', lastName: 'Tremblay-Roy' })],
      [account()],
      cegep,
      'disable',
    );
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'update', id: 'a1', fields: ['lastName', 'email'] }),
    ]);
  });

  it('is unchanged when everything is equal (idempotent)', () => {
    const plan = planSync([entry()], [account()], cegep, 'disable');
    expect(plan.counts).toEqual({ created: 0, updated: 0, disabled: 0, unchanged: 1, rejected: 0 });
  });

  it('matches by username and claims an account that had no externalId', () => {
    const plan = planSync(
      [entry({ username: 'TREJ' })],
      [account({ externalId: null, source: null })],
      cegep,
      'disable',
    );
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'update', fields: ['externalId', 'source'] }),
    ]);
  });

  it('rejects an entry whose username belongs to an account with another externalId', () => {
    const plan = planSync(
      [entry({ username: 'trej', externalId: 'guid-2' })],
      [account()],
      cegep,
      'disable',
    );
    expect(plan.changes[0]).toEqual(expect.objectContaining({ kind: 'rejected' }));
    // …and the account it did not match is a leaver.
    expect(plan.changes[1]).toEqual(
      expect.objectContaining({ kind: 'disable', reason: LEAVER_GONE }),
    );
  });

  it('disables leavers: gone, or marked disabled; keeps them when told to; never touches others', () => {
    const accounts = [
      account(),
      account({ id: 'a2', username: 'csv', externalId: 'x', source: null }),
    ];
    expect(planSync([], accounts, cegep, 'disable').changes).toEqual([
      expect.objectContaining({ kind: 'disable', id: 'a1', reason: LEAVER_GONE }),
    ]);
    expect(planSync([entry({ disabled: true })], accounts, cegep, 'disable').changes).toEqual([
      expect.objectContaining({ kind: 'disable', id: 'a1', reason: LEAVER_DISABLED }),
    ]);
    expect(planSync([], accounts, cegep, 'keep').changes).toEqual([]);
  });

  it('re-enables a leaver the directory brings back', () => {
    const plan = planSync([entry()], [account({ status: 'disabled' })], cegep, 'disable');
    expect(plan.changes).toEqual([expect.objectContaining({ kind: 'update', fields: ['status'] })]);
  });

  it('rejects duplicates and mapping problems, writes nothing for them', () => {
    const plan = planSync(
      [
        entry(),
        entry({ dn: 'uid=dup' }),
        { ok: false, dn: 'uid=bad', username: null, reason: 'no mail' },
      ],
      [],
      cegep,
      'disable',
    );
    expect(plan.changes.map((c) => c.kind)).toEqual(['create', 'rejected', 'rejected']);
  });

  it('refuses a sync that would disable most of the directory, unless small', () => {
    const accounts = Array.from({ length: 10 }, (_, i) =>
      account({ id: `a${i}`, username: `u${i}`, externalId: `g${i}` }),
    );
    expect(safetyRefusal(planSync([], accounts, cegep, 'disable'), 50)).toMatch(
      /disable 10 of the 10/,
    );
    expect(safetyRefusal(planSync([], accounts.slice(0, 1), cegep, 'disable'), 50)).toBeNull();
  });
});
