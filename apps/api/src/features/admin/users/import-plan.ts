import {
  checkUsername,
  deriveUsername,
  resolveUsername,
  usernameErrorMessage,
} from '@guichet/rules';
import type { AccountFields, UsernameRule } from '@guichet/types';
import type { ImportRow } from './import-row.js';

/**
 * Pure: what the CSV import does with each line (create, update, leave unchanged, reject) and
 * whether it may disable the accounts a full export leaves out. No Nest, no database: the
 * importer reads what these need and writes what they decide.
 */

/** An account of the tenant a line may be about (by externalId, email or username). */
export type ExistingAccount = AccountFields & { id: string };

export type Plan =
  | { kind: 'create'; row: ImportRow; username: string }
  | {
      kind: 'update';
      row: ImportRow;
      username: string;
      id: string;
      externalId: string | null;
      previous: ExistingAccount;
    }
  | { kind: 'unchanged'; row: ImportRow; username: string; id: string };

export interface Rejection {
  code: string;
  reason: string;
}

/** What the planning remembers from line to line (it only grows during an import). */
export interface PlanState {
  /** Every username of the tenant, and those given during this import. */
  taken: Set<string>;
  /** Per derived base, the first suffix that may be free (all below it are taken). */
  suffixFrom: Map<string, number>;
  /** The lines already seen with a key (externalId or email), for the current batch. */
  seenKeys: Map<string, number>;
  /** The accounts earlier lines already create or update (account id → line). */
  touched: Map<string, number>;
}

export const emptyPlanState = (taken: Iterable<string> = []): PlanState => ({
  taken: new Set(taken),
  suffixFrom: new Map(),
  seenKeys: new Map(),
  touched: new Map(),
});

/** A line's identity in the file: its externalId, else its email. */
export const lineKey = (row: ImportRow) =>
  row.externalId ? `x:${row.externalId}` : `e:${row.email}`;

/** The report status of a planned line once written. */
export const planStatus = (plan: Plan) =>
  plan.kind === 'create' ? 'created' : plan.kind === 'update' ? 'updated' : 'unchanged';

/**
 * What to do with one valid line, or why it is refused; `state` learns the line's key,
 * account and username when it is not refused.
 *
 * - upsert by `externalId` when the line has one, else by email (a single account without
 *   an externalId of its own: several are ambiguous);
 * - a username column wins (checked against the tenant rule, refused when another account
 *   has it); otherwise an existing account keeps its username and a new one gets the rule's
 *   (`trej`, `trej2`…);
 * - a line equal to the account is `unchanged`; a second line about the same key or account
 *   is a duplicate.
 */
export function planLine(
  row: ImportRow,
  rule: UsernameRule,
  state: PlanState,
  existing: readonly ExistingAccount[],
): Plan | Rejection {
  const key = lineKey(row);
  const earlier = state.seenKeys.get(key);
  if (earlier !== undefined) {
    return {
      code: 'duplicate_in_file',
      reason: `Line ${earlier} already has this ${row.externalId ? 'externalId' : 'email address'}.`,
    };
  }

  let match = row.externalId ? existing.find((e) => e.externalId === row.externalId) : undefined;
  if (!match) {
    const byEmail = existing.filter(
      (e) => e.email === row.email && (!row.externalId || e.externalId === null),
    );
    if (byEmail.length > 1) {
      return {
        code: 'ambiguous_email',
        reason:
          'Several accounts have this email address: add an externalId column to tell them apart.',
      };
    }
    match = byEmail[0];
  }
  if (match && state.touched.has(match.id)) {
    return {
      code: 'duplicate_in_file',
      reason: `Line ${state.touched.get(match.id)} already updates the same account.`,
    };
  }

  let explicit: string | null = null;
  if (row.username) {
    const checked = checkUsername(rule, row.username);
    if (!checked.ok)
      return { code: checked.error.code, reason: usernameErrorMessage(checked.error, 'en') };
    explicit = checked.username;
    const owner = existing.find((e) => e.username === explicit);
    const takenHere = owner
      ? owner.id !== match?.id
      : explicit !== match?.username && state.taken.has(explicit);
    if (takenHere)
      return {
        code: 'username_taken',
        reason: `The username "${explicit}" belongs to another account.`,
      };
  }

  let plan: Plan;
  if (match) {
    const username = explicit ?? match.username;
    const externalId = row.externalId ?? match.externalId;
    const same =
      username === match.username &&
      row.firstName === match.firstName &&
      row.lastName === match.lastName &&
      row.email === match.email &&
      externalId === match.externalId;
    plan = same
      ? { kind: 'unchanged', row, username, id: match.id }
      : { kind: 'update', row, username, id: match.id, externalId, previous: match };
    state.touched.set(match.id, row.line);
  } else {
    const person = { firstName: row.firstName, lastName: row.lastName, username: explicit };
    if (explicit === null && rule.kind === 'name-derived') {
      const derived = deriveUsername(rule, person);
      if (!derived.ok)
        return { code: derived.error.code, reason: usernameErrorMessage(derived.error, 'en') };
      plan = { kind: 'create', row, username: nextFree(state, derived.username) };
    } else {
      const resolved = resolveUsername(rule, person, state.taken);
      if (!resolved.ok)
        return { code: resolved.error.code, reason: usernameErrorMessage(resolved.error, 'en') };
      plan = { kind: 'create', row, username: resolved.username };
    }
  }
  state.taken.add(plan.username);
  state.seenKeys.set(key, row.line);
  return plan;
}

/**
 * The smallest free username among base, base2, base3… (the rule's own search,
 * `nextAvailableUsername`), remembering per base where the free suffixes start: `taken`
 * only grows during an import, so the answer is the same without walking trej2…trej41
 * again for every Tremblay Jean of a large file.
 */
function nextFree(state: PlanState, base: string): string {
  if (!state.taken.has(base)) return base;
  let n = state.suffixFrom.get(base) ?? 2;
  while (state.taken.has(`${base}${n}`)) n += 1;
  state.suffixFrom.set(base, n + 1);
  return `${base}${n}`;
}

/** `disableMissing` stops when more than this share of the active accounts (and more than MASS_DISABLE_MIN) would be disabled. */
export const MASS_DISABLE_SHARE = 0.2;
export const MASS_DISABLE_MIN = 10;

/**
 * Why `disableMissing` must not disable the accounts no line named (the file does not look
 * like a full export), or null when it may: a line could not be read, the file names nobody,
 * or more than MASS_DISABLE_SHARE of the active accounts would go (unless allowed).
 */
export function leaversRefusal(input: {
  /** Lines rejected before their externalId and email could be read. */
  unreadable: number;
  /** Active accounts no line names. */
  missing: number;
  /** Lines that name someone (created, updated, unchanged or rejected). */
  named: number;
  /** Active accounts before the import. */
  active: number;
  allowMassDisable: boolean;
}): string | null {
  const { unreadable, missing, named, active } = input;
  if (unreadable > 0)
    return `${unreadable} line(s) could not be read, so the file may not name everyone: nobody was disabled and nothing was imported. Fix those lines, or import without disabling the missing accounts.`;
  if (missing && named === 0)
    return 'The file names nobody: it would disable every account. Nothing was imported.';
  if (
    !input.allowMassDisable &&
    missing > MASS_DISABLE_MIN &&
    missing > MASS_DISABLE_SHARE * active
  )
    return `The file would disable ${missing} of the tenant's ${active} active accounts (more than ${MASS_DISABLE_SHARE * 100} %): is it the full export? Nothing was imported. Check the file, or allow it explicitly (--allow-mass-disable).`;
  return null;
}
