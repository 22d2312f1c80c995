import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { limitBytes, UploadTooLargeError } from '../src/features/admin/users/byte-limit.js';
import {
  detectDelimiter,
  detectEncoding,
  openCsv,
  physicalLines,
} from '../src/features/admin/users/csv-input.js';
import { mapHeader, parseRow } from '../src/features/admin/users/import-row.js';
import { cookieNames, signInCookies } from '../src/features/auth/session-cookies.js';
import { canonicalIp, isInNetworks } from '../src/platform/security/networks.js';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('CSV input of the account import', () => {
  it('detects UTF-8 (with or without BOM), Windows-1252 and UTF-16', () => {
    expect(detectEncoding(Buffer.from('nom,prénom'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8-bom');
    expect(detectEncoding(iconv.encode('nom;prénom', 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toBe('utf-16be');
    // A character cut at the end of the sample is still UTF-8.
    expect(detectEncoding(Buffer.from('abcé').subarray(0, 4))).toBe('utf-8');
  });

  it('picks the delimiter of the header, ignoring quoted ones', () => {
    expect(detectDelimiter('lastName,firstName,email')).toBe(',');
    expect(detectDelimiter('Nom;Prénom;Courriel')).toBe(';');
    expect(detectDelimiter('"Nom, de famille";Prénom;Courriel')).toBe(';');
  });

  it('splits CRLF, LF and CR lines, also across chunk boundaries', async () => {
    async function* parts() {
      yield 'a,b\r';
      yield '\nc,d\n';
      yield 'e,f\rg';
      yield ',h\r';
    }
    expect(await collect(physicalLines(parts()))).toEqual(['a,b', 'c,d', 'e,f', 'g,h']);
  });

  it('streams records with line numbers; a multi-byte character split between chunks survives; a bad line does not stop the file', async () => {
    const text =
      'lastName,firstName,email\r\nCôté,"Marie, Ève",m@x.ca\r\n\r\nRoy,"Luc,l@x.ca\r\nLévesque,Zoé,z@x.ca\r\n';
    const csv = await openCsv(chunksOf(Buffer.from(text), 7));
    expect(csv).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    const records = await collect(csv.records);
    expect(records).toEqual([
      { line: 1, fields: ['lastName', 'firstName', 'email'] },
      { line: 2, fields: ['Côté', 'Marie, Ève', 'm@x.ca'] },
      { line: 4, error: expect.stringMatching(/not closed/) },
      { line: 5, fields: ['Lévesque', 'Zoé', 'z@x.ca'] },
    ]);
  });

  it('decodes Windows-1252 and strips a UTF-8 BOM', async () => {
    const cp = await openCsv(
      Readable.from([iconv.encode('Nom;Prénom;Courriel\nCôté;Zoé;z@x.ca\n', 'windows-1252')]),
    );
    expect(cp.encoding).toBe('windows-1252');
    expect((await collect(cp.records)).map((r) => ('fields' in r ? r.fields : r.error))).toEqual([
      ['Nom', 'Prénom', 'Courriel'],
      ['Côté', 'Zoé', 'z@x.ca'],
    ]);
    const bom = await openCsv(Readable.from([Buffer.from('\uFEFFlastName,firstName,email\n')]));
    expect(await collect(bom.records)).toEqual([
      { line: 1, fields: ['lastName', 'firstName', 'email'] },
    ]);
  });

  it('maps header names in English or French, any case, and refuses a header without the required columns', () => {
    expect(mapHeader(['Nom', 'Prénom', 'Courriel', 'Matricule', 'Nom d’utilisateur'])).toEqual({
      ok: true,
      columns: { lastName: 0, firstName: 1, email: 2, externalId: 3, username: 4 },
      width: 5,
    });
    expect(mapHeader(['LASTNAME', 'first_name', 'E-mail', 'Department'])).toMatchObject({
      ok: true,
      columns: { lastName: 0, firstName: 1, email: 2 },
      width: 4,
    });
    expect(mapHeader(['name', 'email'])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/lacks lastName, firstName/),
    });
    expect(mapHeader(['lastName', 'nom', 'firstName', 'email'])).toMatchObject({ ok: false });
  });

  it('checks each line on its own', () => {
    const header = {
      columns: { lastName: 0, firstName: 1, email: 2, username: 3, externalId: 4 },
      width: 5,
    };
    expect(parseRow([' Côté ', 'Zoé', 'Zoe.Cote@Cegepsi.ca', '', ' E1 '], header, 2)).toEqual({
      ok: true,
      row: {
        line: 2,
        lastName: 'Côté',
        firstName: 'Zoé',
        email: 'zoe.cote@cegepsi.ca',
        username: null,
        externalId: 'E1',
      },
    });
    const code = (fields: string[]) => {
      const r = parseRow(fields, header, 3);
      return r.ok ? 'ok' : r.code;
    };
    expect(code(['Roy', 'Luc', 'l@x.ca', ''])).toBe('column_count');
    expect(code(['', 'Luc', 'l@x.ca', '', ''])).toBe('last_name_required');
    expect(code(['Roy', 'Luc', '', '', ''])).toBe('email_required');
    expect(code(['Roy', 'Luc', 'l@x', '', ''])).toBe('email_invalid');
    expect(code(['Ro\uFFFDy', 'Luc', 'l@x.ca', '', ''])).toBe('encoding');
    expect(code(['Roy\nRoy', 'Luc', 'l@x.ca', '', ''])).toBe('invalid_characters');
    expect(code(['Roy', 'Luc', 'l@x.ca', '', 'x'.repeat(201)])).toBe('external_id_too_long');
  });

  it('fails an upload once it goes over its limit', async () => {
    await expect(collect(limitBytes(chunksOf(Buffer.alloc(100), 10), 100))).resolves.toHaveLength(
      10,
    );
    await expect(collect(limitBytes(chunksOf(Buffer.alloc(101), 10), 100))).rejects.toBeInstanceOf(
      UploadTooLargeError,
    );
  });
});

describe('allowed networks', () => {
  const networks = ['10.0.0.0/8', '192.168.1.0/24', '2001:db8:1::/48', '203.0.113.9'];
  it.each([
    ['10.200.3.4', true],
    ['::ffff:10.1.1.1', true],
    ['192.168.1.77', true],
    ['192.168.2.1', false],
    ['2001:db8:1:ff::1', true],
    ['2001:db8:2::1', false],
    ['203.0.113.9', true],
    ['203.0.113.10', false],
    ['not an ip', false],
    ['', false],
  ])('%s → %s', (ip, inside) => {
    expect(isInNetworks(ip, networks)).toBe(inside);
  });
  it('canonicalises addresses', () => {
    expect(canonicalIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(canonicalIp('2001:0db8:0000::0001')).toBe('2001:db8::1');
    expect(canonicalIp('junk')).toBeNull();
  });
});

describe('remember-mode cookies', () => {
  const input = { token: 't'.repeat(43), username: 'trej', refreshDays: 30 };
  it('uses __Host- names with secure cookies only', () => {
    expect(cookieNames(true)).toEqual({
      session: '__Host-guichet_session',
      username: '__Host-guichet_username',
    });
    expect(cookieNames(false)).toEqual({
      session: 'guichet_session',
      username: 'guichet_username',
    });
  });
  it.each([
    ['all', 30 * 86400, 365 * 86400],
    ['username', undefined, 365 * 86400],
    ['none', undefined, 0],
  ] as const)(
    '%s → session max-age %p, username max-age %p',
    (mode, sessionMaxAge, usernameMaxAge) => {
      const [session, username] = signInCookies(mode, { ...input, secure: true });
      expect(session!.options).toEqual({
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        ...(sessionMaxAge ? { maxAge: sessionMaxAge } : {}),
      });
      expect(username!.options.maxAge).toBe(usernameMaxAge);
      expect(username!.value).toBe(mode === 'none' ? '' : 'trej');
    },
  );
});
