import type { Encryptor } from '@guichet/platform';
import {
  AD_ATTRIBUTES,
  AD_FILTER,
  type DirectorySettingsRequest,
  directorySettingsRequestSchema,
  type DirectorySettingsView,
  type StoredDirectorySettings,
} from '@guichet/types';
import { FilterParser } from 'ldapts';
import type { z } from 'zod';

/** A settings problem, per field, as the admin API and the CLI report it. */
export class DirectorySettingsInvalid extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(
      Object.entries(fields)
        .map(([f, m]) => `${f}: ${m.join('; ')}`)
        .join('\n'),
    );
    this.name = 'DirectorySettingsInvalid';
  }
}

/** Parentheses in a value are escaped (\28, \29, RFC 4515): every literal one is structure and must balance. */
function balanced(filter: string): boolean {
  let depth = 0;
  for (const c of filter) {
    if (c === '(') depth += 1;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function filterProblem(filter: string): string | null {
  // ldapts's parser lets an unclosed group through ("(&(a=1)(b=2)").
  if (!balanced(filter)) return 'not a valid LDAP filter (unbalanced parentheses)';
  try {
    FilterParser.parseString(filter);
    return null;
  } catch (error) {
    return `not a valid LDAP filter (${(error as Error).message})`;
  }
}

/** The schema, then what only the LDAP client can judge (the filters' syntax). Shared by the admin API and the CLI. */
export function parseDirectorySettings(input: unknown): DirectorySettingsRequest {
  const parsed = directorySettingsRequestSchema.safeParse(input);
  const fields: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of (parsed.error as z.ZodError).issues) {
      const key = issue.path.join('.') || 'settings';
      (fields[key] ??= []).push(issue.message);
    }
    throw new DirectorySettingsInvalid(fields);
  }
  const problem = filterProblem(parsed.data.filter);
  if (problem) fields.filter = [problem];
  if (parsed.data.disabled.kind === 'filter') {
    const disabled = filterProblem(parsed.data.disabled.filter);
    if (disabled) fields['disabled.filter'] = [disabled];
  }
  if (Object.keys(fields).length) throw new DirectorySettingsInvalid(fields);
  return parsed.data;
}

/**
 * The settings to store: the password encrypted; omitted, the stored one is kept only for
 * the same URL and bind DN (a password must not follow a change of server or account).
 */
export function storeDirectorySettings(
  input: DirectorySettingsRequest,
  current: StoredDirectorySettings | null,
  encryptor: Encryptor,
): { stored: StoredDirectorySettings; passwordChanged: boolean; passwordDropped: boolean } {
  const { bindPassword, ...rest } = input;
  const same = current !== null && current.url === input.url && current.bindDn === input.bindDn;
  const kept = same ? current.bindPasswordCiphertext : null;
  return {
    stored: {
      ...rest,
      bindPasswordCiphertext: bindPassword === undefined ? kept : encryptor.encrypt(bindPassword),
    },
    passwordChanged: bindPassword !== undefined,
    passwordDropped:
      bindPassword === undefined && Boolean(current?.bindPasswordCiphertext) && !kept,
  };
}

/** What the admin API returns: never the password, whether there is one. */
export function directoryView(stored: StoredDirectorySettings | null): DirectorySettingsView {
  const defaults = { attributes: { ...AD_ATTRIBUTES }, filter: AD_FILTER };
  if (!stored) return { settings: null, defaults };
  const { bindPasswordCiphertext, ...rest } = stored;
  return { settings: { ...rest, passwordSet: Boolean(bindPasswordCiphertext) }, defaults };
}

/** What the audit log keeps of the settings (no password). */
export function auditDirectory(stored: StoredDirectorySettings | null) {
  return directoryView(stored).settings;
}
