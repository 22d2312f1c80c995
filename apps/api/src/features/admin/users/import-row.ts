import { z } from 'zod';

/** Pure: the columns of an import file and the checks of one line (no Nest, no database). */

export const IMPORT_COLUMNS = ['lastName', 'firstName', 'email', 'username', 'externalId'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ['lastName', 'firstName', 'email'];

/** Header names accepted for each column (compared without case, accents, spaces, `_`, `-`). */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  lastName: ['lastname', 'nom', 'nomdefamille', 'surname', 'familyname'],
  firstName: ['firstname', 'prenom', 'givenname'],
  email: ['email', 'courriel', 'mail', 'adressecourriel'],
  username: ['username', 'nomdutilisateur', 'nomutilisateur', 'login', 'compte'],
  externalId: ['externalid', 'matricule', 'employeeid', 'identifiant'],
};

const headerKey = (h: string) =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-'’.]/g, '');

export type ColumnMap = { [K in ImportColumn]?: number };
export type HeaderResult =
  { ok: true; columns: ColumnMap; width: number } | { ok: false; message: string };

export function mapHeader(fields: readonly string[]): HeaderResult {
  const columns: ColumnMap = {};
  for (const [index, raw] of fields.entries()) {
    const key = headerKey(raw.replace(/^\uFEFF/, ''));
    const column = IMPORT_COLUMNS.find((c) => ALIASES[c].includes(key));
    if (!column) continue; // extra columns of an HR export are ignored
    if (columns[column] !== undefined)
      return { ok: false, message: `The header has the column "${column}" twice.` };
    columns[column] = index;
  }
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length) {
    return {
      ok: false,
      message: `The header lacks ${missing.join(', ')}: the first line must name the columns lastName, firstName, email, and optionally username, externalId (separated by , or ;).`,
    };
  }
  return { ok: true, columns, width: fields.length };
}

export interface ImportRow {
  line: number;
  lastName: string;
  firstName: string;
  /** Lower case. */
  email: string;
  username: string | null;
  externalId: string | null;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; code: string; reason: string };

const emailSchema = z.email().max(320);
const reject = (code: string, reason: string): RowResult => ({ ok: false, code, reason });

/** One data line checked on its own (uniqueness is the use case's job). */
export function parseRow(
  fields: readonly string[],
  header: { columns: ColumnMap; width: number },
  line: number,
): RowResult {
  if (fields.length !== header.width) {
    return reject(
      'column_count',
      `Expected ${header.width} fields but found ${fields.length}: check the delimiter and the quotes of this line.`,
    );
  }
  const value = (c: ImportColumn) => {
    const index = header.columns[c];
    return index === undefined ? '' : (fields[index] ?? '').normalize('NFC').trim();
  };
  const values = IMPORT_COLUMNS.map(value);
  if (values.some((v) => v.includes('\uFFFD'))) {
    return reject(
      'encoding',
      'The line has characters that could not be decoded: save the file as "CSV UTF-8".',
    );
  }
  if (values.some((v) => /\p{Cc}/u.test(v)))
    return reject(
      'invalid_characters',
      'A field contains control characters (line breaks, tabs…).',
    );
  const [lastName, firstName, email, username, externalId] = values as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (lastName === '') return reject('last_name_required', 'The last name is empty.');
  if (lastName.length > 200 || firstName.length > 200)
    return reject('name_too_long', 'A name is longer than 200 characters.');
  if (email === '') return reject('email_required', 'The email address is empty.');
  const normalizedEmail = email.toLowerCase();
  if (!emailSchema.safeParse(normalizedEmail).success)
    return reject('email_invalid', `"${email}" is not a valid email address.`);
  if (externalId.length > 200)
    return reject('external_id_too_long', 'The externalId is longer than 200 characters.');
  return {
    ok: true,
    row: {
      line,
      lastName,
      firstName,
      email: normalizedEmail,
      username: username === '' ? null : username,
      externalId: externalId === '' ? null : externalId,
    },
  };
}
