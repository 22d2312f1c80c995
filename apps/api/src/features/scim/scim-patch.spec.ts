import { describe, expect, it } from '@jest/globals';
import { ScimError } from './scim-error.js';
import { parseUserFilter } from './scim-filter.js';
import { applyPatch } from './scim-patch.js';
import { patchOperations, type ScimUserState, userStateFromResource } from './scim-schemas.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const jean: ScimUserState = {
  userName: 'trej',
  givenName: 'Jean',
  familyName: 'Tremblay',
  email: 'jean.tremblay@cegepsi.ca',
  externalId: 'E001',
  active: true,
};
const patch = (...Operations: unknown[]) =>
  applyPatch(jean, patchOperations({ schemas: [PATCH_OP], Operations }));
const scimType = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return (error.getResponse() as { scimType?: string }).scimType;
    throw error;
  }
  return 'no error';
};

describe('SCIM PATCH as Microsoft Entra ID sends it', () => {
  it('capitalised ops, emails[type eq "work"].value, name sub-attributes', () => {
    expect(
      patch(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'j.t@cegepsi.ca' },
        { op: 'Replace', path: 'name.familyName', value: 'Tremblay-Roy' },
        { op: 'Add', path: 'externalId', value: 'E002' },
      ),
    ).toEqual({ ...jean, email: 'j.t@cegepsi.ca', familyName: 'Tremblay-Roy', externalId: 'E002' });
  });

  it('a path-less Replace of an object (attributes or paths), booleans as "True"/"False"', () => {
    expect(patch({ op: 'Replace', value: { active: 'False' } }).active).toBe(false);
    expect(
      patch({
        op: 'replace',
        value: {
          'name.givenName': 'Jeanne',
          name: { familyName: 'Roy' },
          active: 'True',
          displayName: 'x',
        },
      }),
    ).toEqual({ ...jean, givenName: 'Jeanne', familyName: 'Roy' });
    expect(patch({ op: 'Replace', path: 'active', value: [{ value: 'False' }] }).active).toBe(
      false,
    );
  });

  it('ignores attributes it does not keep (enterprise extension, title, phone numbers); refuses unknown paths and removals of required ones', () => {
    expect(
      patch(
        {
          op: 'Add',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
          value: [{ value: 'x' }],
        },
        { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '555' },
        { op: 'Replace', path: 'title', value: 'Technicien' },
      ),
    ).toEqual(jean);
    expect(scimType(() => patch({ op: 'Replace', path: 'shoeSize', value: 44 }))).toBe(
      'invalidPath',
    );
    expect(scimType(() => patch({ op: 'Remove', path: 'emails' }))).toBe('mutability');
    expect(scimType(() => patch({ op: 'Remove', path: 'userName' }))).toBe('mutability');
    expect(scimType(() => patch({ op: 'Remove' }))).toBe('noTarget');
    expect(scimType(() => patch({ op: 'Move', path: 'active', value: true }))).toBe(
      'invalidSyntax',
    );
    expect(scimType(() => patch({ op: 'Replace', path: 'active', value: 'maybe' }))).toBe(
      'invalidValue',
    );
    expect(patch({ op: 'Remove', path: 'externalId' }).externalId).toBeNull();
  });

  it('reads a created resource: the primary address, else the work one; active by default', () => {
    expect(
      userStateFromResource({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'trej',
        emails: [
          { value: 'home@example.test', type: 'home' },
          { value: 'work@cegepsi.ca', type: 'work' },
        ],
      }),
    ).toMatchObject({ email: 'work@cegepsi.ca', active: true, givenName: '', externalId: null });
    expect(
      userStateFromResource({
        userName: 'trej',
        active: 'False',
        emails: [
          { value: 'a@x.test', type: 'work' },
          { value: 'b@x.test', primary: 'True' },
        ],
      }),
    ).toMatchObject({ email: 'b@x.test', active: false });
  });
});

describe('SCIM filters', () => {
  it('userName (case-insensitive), externalId (exact), emails.value; anything else is invalidFilter', () => {
    expect(parseUserFilter('userName eq "TreJ"')).toEqual({ column: 'username', value: 'trej' });
    expect(parseUserFilter('externalId EQ "Ab-1"')).toEqual({
      column: 'external_id',
      value: 'Ab-1',
    });
    expect(parseUserFilter('emails.value eq "J@X.test"')).toEqual({
      column: 'email',
      value: 'j@x.test',
    });
    expect(parseUserFilter('userName eq "a \\"quoted\\" name"')).toEqual({
      column: 'username',
      value: 'a "quoted" name',
    });
    expect(parseUserFilter(undefined)).toBeNull();
    for (const filter of [
      'userName ne "x"',
      'displayName eq "x"',
      'userName eq "x" or userName eq "y"',
      'userName eq "x',
    ])
      expect(scimType(() => parseUserFilter(filter))).toBe('invalidFilter');
  });
});
