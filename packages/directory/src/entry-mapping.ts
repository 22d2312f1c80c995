import type { DirectoryAttributes } from '@guichet/types';
import { z } from 'zod';

/** A directory entry as a sync compares it with the accounts. */
export interface DirectoryEntry {
  dn: string;
  /** Null when the directory has no username attribute (the tenant's rule derives one). */
  username: string | null;
  firstName: string;
  lastName: string;
  email: string;
  externalId: string;
  /** Marked disabled by the directory (AD's ACCOUNTDISABLE bit, or the disabled filter). */
  disabled: boolean;
}

export type MappedEntry =
  | { ok: true; entry: DirectoryEntry }
  | { ok: false; dn: string; username: string | null; reason: string };

/** An attribute value as ldapts returns it. */
type RawValue = string | string[] | Buffer | Buffer[] | undefined;
export type RawEntry = { dn: string } & Record<string, unknown>;

/** Bit 2 of Active Directory's userAccountControl: the account is disabled. */
export const ACCOUNTDISABLE = 0x2;

/**
 * Active Directory's objectGUID (16 bytes, the first three groups little-endian) as the
 * GUID string Windows shows: `3f2504e0-4f89-11d3-9a0c-0305e82c3301`.
 */
export function formatGuid(bytes: Buffer): string {
  if (bytes.length !== 16) throw new RangeError('a GUID is 16 bytes');
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = [...bytes.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return [
    hex(0, 4, true),
    hex(4, 6, true),
    hex(6, 8, true),
    hex(8, 10, false),
    hex(10, 16, false),
  ].join('-');
}

/** Attributes whose values are binary: requested as buffers, decoded here. */
export const isBinaryAttribute = (name: string) => name.toLowerCase() === 'objectguid';

/** The first value of an attribute, looked up regardless of case (servers return their own spelling). */
export function attributeValue(entry: RawEntry, name: string): string | null {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  if (!key) return null;
  const raw = entry[key] as RawValue;
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined) return null;
  if (Buffer.isBuffer(first)) {
    if (isBinaryAttribute(name) && first.length === 16) return formatGuid(first);
    return first.toString('utf8');
  }
  const text = String(first).normalize('NFC').trim();
  return text === '' ? null : text;
}

/** Whether AD's userAccountControl marks the account disabled (a non-number is not). */
export function uacDisabled(value: string | null): boolean {
  if (value === null || !/^-?\d+$/.test(value)) return false;
  return (Number(value) & ACCOUNTDISABLE) !== 0;
}

const emailSchema = z.email();

/**
 * A directory entry checked and mapped to the account fields; an entry that cannot become
 * an account (no email, a name too long…) is rejected with the reason, never half-written.
 */
export function mapEntry(
  raw: RawEntry,
  attributes: DirectoryAttributes,
  disabled: boolean,
): MappedEntry {
  const dn = raw.dn;
  const username = attributes.username ? attributeValue(raw, attributes.username) : null;
  const reject = (reason: string): MappedEntry => ({ ok: false, dn, username, reason });
  const firstName = attributeValue(raw, attributes.firstName);
  const lastName = attributeValue(raw, attributes.lastName);
  const email = attributeValue(raw, attributes.email)?.toLowerCase() ?? null;
  const externalId = attributeValue(raw, attributes.externalId);
  if (!externalId) return reject(`no ${attributes.externalId} (the entry's identifier)`);
  if (externalId.length > 200) return reject(`${attributes.externalId} is over 200 characters`);
  if (!firstName) return reject(`no ${attributes.firstName} (first name)`);
  if (!lastName) return reject(`no ${attributes.lastName} (last name)`);
  if (firstName.length > 200 || lastName.length > 200)
    return reject('a name is over 200 characters');
  if (!email) return reject(`no ${attributes.email} (email address)`);
  if (email.length > 320 || !emailSchema.safeParse(email).success)
    return reject(`${attributes.email} is not a valid email address`);
  return { ok: true, entry: { dn, username, firstName, lastName, email, externalId, disabled } };
}
