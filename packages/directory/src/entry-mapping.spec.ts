import { describe, expect, it } from '@jest/globals';
import { AD_ATTRIBUTES } from '@guichet/types';
import { formatGuid, mapEntry, uacDisabled } from './entry-mapping.js';

describe('Active Directory entries', () => {
  it('formats objectGUID as Windows shows it', () => {
    const bytes = Buffer.from('e004253f894fd3119a0c0305e82c3301', 'hex');
    expect(formatGuid(bytes)).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });

  it('reads the ACCOUNTDISABLE bit of userAccountControl', () => {
    expect(uacDisabled('512')).toBe(false);
    expect(uacDisabled('514')).toBe(true);
    expect(uacDisabled('66050')).toBe(true);
    expect(uacDisabled(null)).toBe(false);
  });

  it('maps an AD entry with the defaults, attribute names in any case', () => {
    const mapped = mapEntry(
      {
        dn: 'CN=Jean Tremblay,OU=Staff,DC=cegepsi,DC=ca',
        samaccountname: 'trej',
        givenName: 'Jean',
        sn: 'Tremblay',
        mail: 'Jean.Tremblay@CegepSI.ca',
        objectGUID: Buffer.from('e004253f894fd3119a0c0305e82c3301', 'hex'),
      },
      AD_ATTRIBUTES,
      false,
    );
    expect(mapped).toEqual({
      ok: true,
      entry: expect.objectContaining({
        username: 'trej',
        email: 'jean.tremblay@cegepsi.ca',
        externalId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      }),
    });
  });

  it('rejects an entry without an email, saying which attribute', () => {
    const mapped = mapEntry(
      { dn: 'cn=x', givenName: 'A', sn: 'B', objectGUID: 'g' },
      AD_ATTRIBUTES,
      false,
    );
    expect(mapped).toEqual(
      expect.objectContaining({ ok: false, reason: 'no mail (email address)' }),
    );
  });
});
