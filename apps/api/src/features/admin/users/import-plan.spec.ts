import { describe, expect, it } from '@jest/globals';
import type { UsernameRule } from '@guichet/types';
import type { ImportRow } from './import-row.js';
import {
  emptyPlanState,
  type ExistingAccount,
  leaversRefusal,
  MASS_DISABLE_MIN,
  planLine,
  planStatus,
} from './import-plan.js';

const derived: UsernameRule = {
  kind: 'name-derived',
  lastNameLetters: 3,
  firstNameLetters: 1,
  collision: 'numeric-suffix',
};
const pattern: UsernameRule = { kind: 'pattern', pattern: '[a-z]{2,8}', example: 'abc' };

const row = (line: number, over: Partial<ImportRow> = {}): ImportRow => ({
  line,
  lastName: 'Tremblay',
  firstName: 'Jean',
  email: 'jean.tremblay@example.org',
  username: null,
  externalId: null,
  ...over,
});

const account = (over: Partial<ExistingAccount> = {}): ExistingAccount => ({
  id: 'a1',
  username: 'trej',
  firstName: 'Jean',
  lastName: 'Tremblay',
  email: 'jean.tremblay@example.org',
  externalId: null,
  ...over,
});

describe('planLine', () => {
  it('creates an unknown person with the username the rule derives, suffixed when taken', () => {
    const state = emptyPlanState(['trej']);
    const plan = planLine(row(2), derived, state, []);
    expect(plan).toEqual({ kind: 'create', row: row(2), username: 'trej2' });
    expect(planStatus(plan as never)).toBe('created');
    // The next Tremblay Jean of the file gets the next free suffix.
    const next = planLine(row(3, { email: 'other@example.org' }), derived, state, []);
    expect(next).toMatchObject({ kind: 'create', username: 'trej3' });
  });

  it('creates with the username column when the rule allows it', () => {
    const plan = planLine(row(2, { username: 'jtremb' }), pattern, emptyPlanState(), []);
    expect(plan).toMatchObject({ kind: 'create', username: 'jtremb' });
  });

  it('rejects a new person without a username when the rule cannot derive one', () => {
    const plan = planLine(row(2), pattern, emptyPlanState(), []);
    expect(plan).toHaveProperty('code');
    expect('kind' in plan).toBe(false);
  });

  it('leaves an account equal to its line unchanged (importing a file again changes nothing)', () => {
    const plan = planLine(row(2), derived, emptyPlanState(['trej']), [account()]);
    expect(plan).toEqual({ kind: 'unchanged', row: row(2), username: 'trej', id: 'a1' });
    expect(planStatus(plan as never)).toBe('unchanged');
  });

  it('updates the account found by externalId, keeping its username, with the previous values', () => {
    const existing = account({ externalId: 'E1', email: 'old@example.org' });
    const line = row(2, { externalId: 'E1' });
    const plan = planLine(line, derived, emptyPlanState(['trej']), [existing]);
    expect(plan).toEqual({
      kind: 'update',
      row: line,
      username: 'trej',
      id: 'a1',
      externalId: 'E1',
      previous: existing,
    });
    expect(planStatus(plan as never)).toBe('updated');
  });

  it('updates by email an account without an externalId, giving it the line’s', () => {
    const line = row(2, { externalId: 'E9' });
    const plan = planLine(line, derived, emptyPlanState(['trej']), [account()]);
    expect(plan).toMatchObject({ kind: 'update', id: 'a1', externalId: 'E9' });
  });

  it('renames the account when the username column names a free username', () => {
    const plan = planLine(row(2, { username: 'jeant' }), pattern, emptyPlanState(['trej']), [
      account(),
    ]);
    expect(plan).toMatchObject({ kind: 'update', username: 'jeant' });
  });

  it('rejects a second line with the same externalId or email', () => {
    const state = emptyPlanState();
    expect(planLine(row(2), derived, state, [])).toHaveProperty('kind', 'create');
    expect(planLine(row(5), derived, state, [])).toEqual({
      code: 'duplicate_in_file',
      reason: 'Line 2 already has this email address.',
    });
    planLine(row(6, { externalId: 'E1', email: 'a@example.org' }), derived, state, []);
    expect(
      planLine(row(7, { externalId: 'E1', email: 'b@example.org' }), derived, state, []),
    ).toEqual({ code: 'duplicate_in_file', reason: 'Line 6 already has this externalId.' });
  });

  it('rejects a second line about an account an earlier line already updates', () => {
    const state = emptyPlanState(['trej']);
    const existing = account({ externalId: 'E1' });
    planLine(row(2, { externalId: 'E1' }), derived, state, [existing]);
    const again = row(3, { externalId: null, email: 'jean.tremblay@example.org' });
    // Found by email this time: the account is no longer free to take.
    expect(planLine(again, derived, state, [account({ externalId: null })])).toEqual({
      code: 'duplicate_in_file',
      reason: 'Line 2 already updates the same account.',
    });
  });

  it('rejects an email several accounts share when the line has no externalId', () => {
    const plan = planLine(row(2), derived, emptyPlanState(), [
      account({ id: 'a1' }),
      account({ id: 'a2', username: 'trej2' }),
    ]);
    expect(plan).toMatchObject({ code: 'ambiguous_email' });
  });

  it('rejects a username another account has, in the tenant or earlier in the file', () => {
    const other = account({ id: 'a2', username: 'jtremb', email: 'x@example.org' });
    expect(planLine(row(2, { username: 'jtremb' }), pattern, emptyPlanState(), [other])).toEqual({
      code: 'username_taken',
      reason: 'The username "jtremb" belongs to another account.',
    });
    const state = emptyPlanState(['jtremb']);
    expect(planLine(row(3, { username: 'jtremb' }), pattern, state, [])).toMatchObject({
      code: 'username_taken',
    });
  });

  it('rejects a username column the rule refuses, with the rule’s reason', () => {
    const plan = planLine(row(2, { username: 'J' }), pattern, emptyPlanState(), []);
    expect(plan).toHaveProperty('code');
    expect(plan).toHaveProperty('reason');
  });

  it('rejects a name the rule cannot derive a username from', () => {
    const plan = planLine(
      row(2, { lastName: '---', firstName: '' }),
      derived,
      emptyPlanState(),
      [],
    );
    expect(plan).toHaveProperty('code');
  });
});

describe('leaversRefusal', () => {
  const base = { unreadable: 0, missing: 3, named: 100, active: 100, allowMassDisable: false };

  it('allows disabling the few accounts a full export leaves out', () => {
    expect(leaversRefusal(base)).toBeNull();
    expect(leaversRefusal({ ...base, missing: 0, named: 0 })).toBeNull();
  });

  it('refuses when a line could not be read (the file may not name everyone)', () => {
    expect(leaversRefusal({ ...base, unreadable: 2 })).toMatch(/^2 line\(s\) could not be read/);
  });

  it('refuses when the file names nobody', () => {
    expect(leaversRefusal({ ...base, named: 0 })).toMatch(/names nobody/);
  });

  it('refuses more than a fifth of the active accounts, unless allowed', () => {
    const many = { ...base, missing: 30, active: 100 };
    expect(leaversRefusal(many)).toMatch(/would disable 30 of the tenant's 100 active accounts/);
    expect(leaversRefusal({ ...many, allowMassDisable: true })).toBeNull();
    // A small tenant: up to MASS_DISABLE_MIN leavers always go.
    expect(leaversRefusal({ ...base, missing: MASS_DISABLE_MIN, active: 12 })).toBeNull();
  });
});
