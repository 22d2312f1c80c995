import type { AccountWrite, SyncedAccount } from '@guichet/db';
import { resolveUsername, usernameErrorMessage } from '@guichet/rules';
import type {
  DirectoryChange,
  DirectoryCounts,
  StoredDirectorySettings,
  UsernameRule,
} from '@guichet/types';
import type { DirectoryEntry, MappedEntry } from './entry-mapping.js';

/** What a sync does to one account (or entry). Pure: computed from the directory and the accounts. */
export type PlannedChange =
  | { kind: 'create'; dn: string; write: AccountWrite }
  | { kind: 'update'; dn: string; id: string; write: AccountWrite; fields: string[] }
  | { kind: 'disable'; dn: string | null; id: string; username: string; reason: string }
  | { kind: 'unchanged' }
  | { kind: 'rejected'; dn: string; username: string | null; reason: string };

export interface SyncPlan {
  changes: PlannedChange[];
  counts: DirectoryCounts;
  /** Active accounts the directory provisioned before this sync (the safety net's base). */
  directoryAccounts: number;
}

export const LEAVER_GONE = 'no longer returned by the directory';
export const LEAVER_DISABLED = 'disabled in the directory';

const FIELDS = ['username', 'firstName', 'lastName', 'email', 'externalId'] as const;

/**
 * Compares the directory with the tenant's accounts:
 * - an entry matches the account with its externalId, else the one with its username (an
 *   account already tied to another externalId is not taken over: the entry is rejected);
 * - an entry without a match creates an account; its username is the directory's (checked
 *   against the tenant's rule), or the rule's derived one (`trej`, `trej2`…);
 * - a matched account is updated where a field differs, and claimed by the directory;
 * - leavers — accounts the directory provisioned that it no longer returns, or returns
 *   marked disabled — are disabled (or kept, per setting); nothing is ever deleted.
 */
export function planSync(
  entries: readonly MappedEntry[],
  accounts: readonly SyncedAccount[],
  rule: UsernameRule,
  leavers: StoredDirectorySettings['leavers'],
): SyncPlan {
  const byExternalId = new Map<string, SyncedAccount>();
  const byUsername = new Map<string, SyncedAccount>();
  for (const a of accounts) {
    if (a.externalId) byExternalId.set(a.externalId, a);
    byUsername.set(a.username, a);
  }
  const taken = new Set(byUsername.keys());
  const matched = new Set<string>();
  const seenExternalIds = new Set<string>();
  const changes: PlannedChange[] = [];

  for (const mapped of entries) {
    if (!mapped.ok) {
      changes.push({
        kind: 'rejected',
        dn: mapped.dn,
        username: mapped.username,
        reason: mapped.reason,
      });
      continue;
    }
    const entry = mapped.entry;
    if (seenExternalIds.has(entry.externalId)) {
      changes.push(rejected(entry, 'another entry has the same externalId'));
      continue;
    }
    seenExternalIds.add(entry.externalId);
    const resolved = resolveUsername(rule, entry, (u) => taken.has(u));
    if (!resolved.ok) {
      changes.push(rejected(entry, usernameErrorMessage(resolved.error, 'en')));
      continue;
    }
    const explicit = resolved.source === 'imported' ? resolved.username : null;
    let account = byExternalId.get(entry.externalId);
    if (!account && explicit) {
      const holder = byUsername.get(explicit);
      if (holder?.externalId && holder.externalId !== entry.externalId) {
        changes.push(
          rejected(entry, `the username ${explicit} belongs to an account with another externalId`),
        );
        continue;
      }
      account = holder;
    }
    if (account && matched.has(account.id)) {
      changes.push(rejected(entry, 'another entry already matched this account'));
      continue;
    }
    if (!account) {
      if (entry.disabled) {
        changes.push({ kind: 'unchanged' });
        continue;
      }
      const username = resolved.username;
      if (explicit && taken.has(explicit)) {
        changes.push(rejected(entry, `the username ${explicit} is taken`));
        continue;
      }
      taken.add(username);
      changes.push({ kind: 'create', dn: entry.dn, write: write(entry, username, 'active') });
      continue;
    }
    matched.add(account.id);
    changes.push(compare(entry, account, explicit, taken, leavers));
  }

  if (leavers === 'disable') {
    for (const a of accounts) {
      if (a.source === 'directory' && a.status === 'active' && !matched.has(a.id))
        changes.push({
          kind: 'disable',
          dn: null,
          id: a.id,
          username: a.username,
          reason: LEAVER_GONE,
        });
    }
  }
  const counts: DirectoryCounts = {
    created: 0,
    updated: 0,
    disabled: 0,
    unchanged: 0,
    rejected: 0,
  };
  for (const c of changes) counts[COUNT_OF[c.kind]] += 1;
  const directoryAccounts = accounts.filter(
    (a) => a.source === 'directory' && a.status === 'active',
  ).length;
  return { changes, counts, directoryAccounts };
}

const COUNT_OF = {
  create: 'created',
  update: 'updated',
  disable: 'disabled',
  unchanged: 'unchanged',
  rejected: 'rejected',
} as const;

function rejected(entry: DirectoryEntry, reason: string): PlannedChange {
  return { kind: 'rejected', dn: entry.dn, username: entry.username, reason };
}

function write(
  entry: DirectoryEntry,
  username: string,
  status: AccountWrite['status'],
): AccountWrite {
  return {
    username,
    firstName: entry.firstName,
    lastName: entry.lastName,
    email: entry.email,
    externalId: entry.externalId,
    status,
  };
}

/** A matched account: disabled, updated (fields that differ, the claim by the directory) or unchanged. */
function compare(
  entry: DirectoryEntry,
  account: SyncedAccount,
  explicit: string | null,
  taken: Set<string>,
  leavers: StoredDirectorySettings['leavers'],
): PlannedChange {
  if (entry.disabled) {
    if (leavers === 'disable' && account.status === 'active')
      return {
        kind: 'disable',
        dn: entry.dn,
        id: account.id,
        username: account.username,
        reason: LEAVER_DISABLED,
      };
    return { kind: 'unchanged' };
  }
  let username = account.username;
  if (explicit && explicit !== account.username) {
    if (taken.has(explicit))
      return rejected(
        entry,
        `cannot rename ${account.username} to ${explicit}: the username is taken`,
      );
    taken.delete(account.username);
    taken.add(explicit);
    username = explicit;
  }
  // A leaver the directory brings back (re-hired, re-enabled) is active again; an account the
  // directory only now claims keeps the status an admin gave it.
  const status = account.source === 'directory' ? 'active' : account.status;
  const next = write(entry, username, status);
  const fields: string[] = FIELDS.filter((f) => next[f] !== account[f]);
  if (status !== account.status) fields.push('status');
  if (account.source !== 'directory') fields.push('source');
  if (!fields.length) return { kind: 'unchanged' };
  return { kind: 'update', dn: entry.dn, id: account.id, write: next, fields };
}

/** A change as a run's report keeps it (unchanged ones are only counted). */
export function reportLine(change: PlannedChange): DirectoryChange | null {
  switch (change.kind) {
    case 'unchanged':
      return null;
    case 'create':
      return { kind: 'created', username: change.write.username, dn: change.dn };
    case 'update':
      return {
        kind: 'updated',
        username: change.write.username,
        dn: change.dn,
        fields: change.fields,
      };
    case 'disable':
      return { kind: 'disabled', username: change.username, dn: change.dn, reason: change.reason };
    case 'rejected':
      return { kind: 'rejected', username: change.username, dn: change.dn, reason: change.reason };
  }
}

/** `created trej (uid=trej,ou=people,…)`, as the CLI prints a change. */
export function describeChange(line: DirectoryChange): string {
  const who = line.username ?? '?';
  const where = line.dn ? ` (${line.dn})` : '';
  switch (line.kind) {
    case 'created':
      return `created ${who}${where}`;
    case 'updated':
      return `updated ${who}${where}: ${line.fields?.join(', ')}`;
    case 'disabled':
      return `disabled ${who}${where}: ${line.reason}`;
    case 'rejected':
      return `rejected ${who}${where}: ${line.reason}`;
  }
}

export const summaryLine = (c: DirectoryCounts) =>
  `${c.created} created, ${c.updated} updated, ${c.disabled} disabled, ${c.unchanged} unchanged, ${c.rejected} rejected`;
