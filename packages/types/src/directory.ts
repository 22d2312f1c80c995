import { z } from 'zod';
import { safeString } from './safe-text.js';

/**
 * Directory provisioning over LDAP v3 (Active Directory, OpenLDAP): the per-tenant settings,
 * the runs and their reports. The bind password is stored encrypted and never returned.
 */

export const DIRECTORY_FIELDS = [
  'username',
  'firstName',
  'lastName',
  'email',
  'externalId',
] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

/** Active Directory's defaults (`sAMAccountName` is the Windows username, `objectGUID` never changes). */
export const AD_ATTRIBUTES: Record<DirectoryField, string> = {
  username: 'sAMAccountName',
  firstName: 'givenName',
  lastName: 'sn',
  email: 'mail',
  externalId: 'objectGUID',
};
/** Active Directory's people (computers are users too, but not persons). */
export const AD_FILTER = '(&(objectCategory=person)(objectClass=user))';

const attributeName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'an LDAP attribute name (letters, digits, -)');
/** An RFC 4515 filter, in parentheses; its syntax is checked by the LDAP client's parser (packages/directory). */
const ldapFilter = safeString()
  .trim()
  .min(3)
  .max(2000)
  .regex(/^\(.*\)$/s, 'an LDAP filter in parentheses, e.g. (objectClass=user)');
const dn = safeString().trim().min(3).max(1000);

export const directoryAttributesSchema = z
  .object({
    /** Empty: the tenant's username rule derives the username from the names. */
    username: attributeName.nullable(),
    firstName: attributeName,
    lastName: attributeName,
    email: attributeName,
    externalId: attributeName,
  })
  .strict();
export type DirectoryAttributes = z.infer<typeof directoryAttributesSchema>;

/** What marks a directory entry as a leaver while it is still returned. */
export const directoryDisabledSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  /** Active Directory: bit 2 (ACCOUNTDISABLE) of userAccountControl. */
  z.object({ kind: z.literal('userAccountControl') }).strict(),
  /** Entries the base filter returns that ALSO match this filter are disabled. */
  z.object({ kind: z.literal('filter'), filter: ldapFilter }).strict(),
]);
export type DirectoryDisabled = z.infer<typeof directoryDisabledSchema>;

export const directoryUrlSchema = safeString()
  .trim()
  .max(500)
  .regex(
    /^ldaps?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(:\d{1,5})?\/?$/,
    'an ldap:// or ldaps:// URL with a host and optional port, e.g. ldaps://dc1.example.ca',
  );

/** Fields shared by the stored settings and the request. */
const common = {
  url: directoryUrlSchema,
  /** `ldap://` upgraded with StartTLS before the bind (ignored for `ldaps://`). */
  startTls: z.boolean(),
  /** PEM of the CA that signed the server's certificate; null = the system's CAs. */
  caCertificate: safeString({ multiline: true })
    .trim()
    .max(20_000)
    .regex(/-----BEGIN CERTIFICATE-----/, 'a PEM certificate (-----BEGIN CERTIFICATE-----)')
    .nullable(),
  bindDn: dn,
  baseDn: dn,
  filter: ldapFilter,
  attributes: directoryAttributesSchema,
  disabled: directoryDisabledSchema,
  /** What becomes of an account the directory no longer returns (or marks disabled). */
  leavers: z.enum(['disable', 'keep']),
  /** Minutes between scheduled syncs; null = only when asked (admin app, CLI). */
  everyMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .nullable(),
  /**
   * Safety net: a sync that would disable more than this share (%) of the accounts it
   * provisioned is refused unless forced (a wrong base DN or filter must not disable everyone).
   */
  maxDisablePercent: z.number().int().min(1).max(100),
};

/**
 * `PUT tenants/:tenantId/directory` (and `guichet directory configure`). `bindPassword`
 * omitted = keep the stored one (for the same URL and bind DN; dropped otherwise).
 */
export const directorySettingsRequestSchema = z
  .object({
    ...common,
    bindPassword: z.string().min(1).max(1000).optional(),
  })
  .strict();
export type DirectorySettingsRequest = z.infer<typeof directorySettingsRequestSchema>;

/** What `tenant_settings.directory` holds. */
export interface StoredDirectorySettings extends Omit<DirectorySettingsRequest, 'bindPassword'> {
  bindPasswordCiphertext: string | null;
}

/** `GET tenants/:tenantId/directory`: `settings` null when none is configured; never the password. */
export interface DirectorySettingsView {
  settings:
    (Omit<StoredDirectorySettings, 'bindPasswordCiphertext'> & { passwordSet: boolean }) | null;
  defaults: { attributes: DirectoryAttributes; filter: string };
}

export const DIRECTORY_CHANGE_KINDS = [
  'created',
  'updated',
  'disabled',
  'unchanged',
  'rejected',
] as const;
export type DirectoryChangeKind = (typeof DIRECTORY_CHANGE_KINDS)[number];

/** One line of a run's report (unchanged entries are counted, not listed). */
export interface DirectoryChange {
  kind: Exclude<DirectoryChangeKind, 'unchanged'>;
  /** The account's username (or the entry's, for a rejected one). */
  username: string | null;
  /** The entry's DN, when there is one (a leaver absent from the directory has none). */
  dn: string | null;
  /** For `updated`: the fields that changed; for `rejected` / `disabled`: why. */
  fields?: string[];
  reason?: string;
}

export type DirectoryCounts = Record<DirectoryChangeKind, number>;

export const DIRECTORY_TRIGGERS = ['scheduled', 'manual', 'cli'] as const;
export type DirectoryTrigger = (typeof DIRECTORY_TRIGGERS)[number];

/** `GET tenants/:tenantId/directory/runs` (and `…/runs/:runId` with `changes`). */
export interface DirectoryRunView {
  id: string;
  trigger: DirectoryTrigger;
  dryRun: boolean;
  status: 'running' | 'ok' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  counts: DirectoryCounts;
  error: string | null;
  /** Only in the single-run view: the first changes (REPORT_CAP), in order. */
  changes?: DirectoryChange[];
  changesTruncated?: boolean;
}

/** `POST …/directory/test` → the bind worked and how many entries the filter returns (first page). */
export interface DirectoryTestResponse {
  ok: boolean;
  message: string;
  sample: { dn: string; username: string | null; email: string | null }[];
}

/** `POST …/directory/sync` {dryRun?, force?} → the finished run (preview = dryRun, nothing written but the run). */
export const directorySyncRequestSchema = z
  .object({ dryRun: z.boolean().default(false), force: z.boolean().default(false) })
  .strict();
export type DirectorySyncRequest = z.infer<typeof directorySyncRequestSchema>;
