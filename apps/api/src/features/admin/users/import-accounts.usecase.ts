import { performance } from 'node:perf_hooks';
import {
  ActionTokensRepository,
  AuditEventsRepository,
  EmailDeliveriesRepository,
  RefreshSessionsRepository,
  type TenantId,
  TenantSettingsRepository,
  UserImportRepository,
} from '@guichet/db';
import {
  checkUsername,
  deriveUsername,
  resolveUsername,
  usernameErrorMessage,
} from '@guichet/rules';
import { AccountDisablingRepository, disableAccountIn, type PendingLogout } from '@guichet/db';
import type {
  EmailChangedEmail,
  EmailJobData,
  ImportDisabledAccount,
  ImportLineReport,
  ImportReport,
  ImportSummary,
  Locale,
  UsernameRule,
} from '@guichet/types';
import type { DataSource, QueryRunner } from 'typeorm';
import { openCsv } from './csv-input.js';
import type { DisableAccount } from './disable-account.usecase.js';

/** What the import needs of DisableAccount. */
export type Leavers = Pick<DisableAccount, 'execute' | 'notify'>;
import { type ImportRow, mapHeader, parseRow } from './import-row.js';

/**
 * Account import from an HR or directory CSV, shared by the CLI and the admin API (no Nest
 * here). Streamed: lines are read, checked and written in batches of BATCH_SIZE, so memory
 * does not grow with the file (besides one entry per line for duplicate detection).
 *
 * - upsert by `externalId` when the line has one, else by email;
 * - a username column wins (checked against the tenant rule); otherwise an existing
 *   account keeps its username and a new one gets the rule's (`trej`, `trej2`…);
 * - a rejected line writes nothing; a line equal to the account is `unchanged`, so importing
 *   the same file again changes nothing;
 * - the whole file is one transaction: if the file cannot be read to its end (upload cut,
 *   too large, database error), nothing of it is written;
 * - a line that changes an account's email address voids the account's pending links, ends
 *   its sessions and writes an "address changed" notice to the PREVIOUS address in the
 *   outbox (so a changed address cannot take an account over unnoticed); the notices are
 *   enqueued after the commit (or by the worker's reconciler when no queue is given).
 */
export const BATCH_SIZE = 1000;
/** Accounts in the tenant before the import's own statistics refreshes start. */
const ANALYZE_FROM = 10_000;

export interface ImportTarget {
  tenantId: TenantId;
  usernameRule: UsernameRule;
}

/** Enqueues the jobs of committed outbox rows (the API's EmailOutbox). */
export interface OutboxQueue {
  enqueue(jobs: readonly EmailJobData[]): Promise<void>;
}

export interface ImportOptions {
  actor: { type: 'admin' | 'system'; id: string | null };
  source: 'cli' | 'admin-api';
  /** Called for every line, in file order, as soon as its batch is written. */
  onLine?: (line: ImportLineReport) => void;
  /** How many rejected lines, and how many other lines, the returned report keeps (all by default). */
  keepLines?: number;
  /**
   * The file is a full export: the tenant's active accounts that no line names are leavers,
   * disabled (DisableAccount). Refused (nothing written) when a line could not be read, when
   * the file names nobody, or when more than MASS_DISABLE_SHARE of the active accounts would
   * go — unless `allowMassDisable`.
   */
  disableMissing?: boolean;
  allowMassDisable?: boolean;
  /** Called for every account `disableMissing` disables, after the lines. */
  onDisabled?: (account: ImportDisabledAccount) => void;
  /** A preview: everything checked and reported, then rolled back. */
  dryRun?: boolean;
}

/** `disableMissing` stops when more than this share of the active accounts (and more than MASS_DISABLE_MIN) would be disabled. */
export const MASS_DISABLE_SHARE = 0.2;
export const MASS_DISABLE_MIN = 10;

/** `disableMissing` refused to disable: the file does not look like a full export. Nothing was written. */
export class DisableMissingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DisableMissingRefused';
  }
}

/** The file as a whole cannot be imported (empty, header without the required columns). */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

interface ExistingAccount {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  externalId: string | null;
}

type Pending =
  { line: number; rejected: { code: string; reason: string } } | { line: number; row: ImportRow };

type Plan =
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

interface ImportState {
  /** Every username of the tenant, and those given during this import (it only grows). */
  taken: Set<string>;
  /** Per derived base, the first suffix that may be free (all below it are taken). */
  suffixFrom: Map<string, number>;
  /**
   * For the current batch: the lines already seen with a key (externalId or email) or an
   * account of this batch, read from the `import_lines` temporary table (which holds them
   * for the whole file, so memory does not grow with it) plus the batch's own lines.
   */
  seenKeys: Map<string, number>;
  touched: Map<string, number>;
  /** Outbox jobs of the "address changed" notices written so far. */
  notices: EmailJobData[];
  /** The tenant's default language (of the notices), read when first needed. */
  locale: Locale | null;
  actor: ImportOptions['actor'];
  /** externalIds and emails of rejected lines: their accounts are in the file, never "missing". */
  kept: { externalIds: string[]; emails: string[] };
  /** Lines rejected before their externalId and email could be read. */
  unreadable: number;
}

/** A line's identity in the file: its externalId, else its email. */
const lineKey = (row: ImportRow) => (row.externalId ? `x:${row.externalId}` : `e:${row.email}`);

const isUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505';

/** A rejected line still names its person: their account is not a leaver. */
function keep(state: ImportState, row: ImportRow): void {
  if (row.externalId) state.kept.externalIds.push(row.externalId);
  state.kept.emails.push(row.email);
}

export class ImportAccounts {
  constructor(
    private readonly dataSource: DataSource,
    /** Without one (the CLI), the notices wait in the outbox for the worker's reconciler. */
    private readonly outbox?: OutboxQueue,
    /**
     * Told once the import commits that accounts of the tenant changed (names, addresses,
     * sessions ended): the API's session liveness cache drops the tenant's entries.
     */
    private readonly accountsChanged?: (tenantId: string) => Promise<void>,
    /**
     * How `disableMissing` disables leavers: the API's DisableAccount; without one (the CLI),
     * the same `disableAccountIn`, and no back-channel logout is sent (the grants end all the same).
     */
    private readonly leavers: Leavers = {
      execute: async (tenantId, userId, em) =>
        (await disableAccountIn(em ?? dataSource, tenantId, userId)).logouts,
      notify: async () => undefined,
    },
  ) {}

  async execute(
    target: ImportTarget,
    input: AsyncIterable<Uint8Array | string>,
    options: ImportOptions,
  ): Promise<ImportReport> {
    const started = performance.now();
    const csv = await openCsv(input);
    const first = await csv.records.next();
    if (first.done)
      throw new CsvFormatError(
        'The file is empty: it needs a header line and one line per person.',
      );
    if (!('fields' in first.value))
      throw new CsvFormatError(`The header line cannot be read: ${first.value.error}`);
    const header = mapHeader(first.value.fields);
    if (!header.ok) throw new CsvFormatError(header.message);

    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    const lines: ImportLineReport[] = [];
    const kept = { rejected: 0, other: 0 };
    let truncated = false;
    const keepLines = options.keepLines ?? Number.POSITIVE_INFINITY;
    const report = (entry: ImportLineReport) => {
      summary[entry.status] += 1;
      options.onLine?.(entry);
      const group = entry.status === 'rejected' ? 'rejected' : 'other';
      if (kept[group] < keepLines) {
        kept[group] += 1;
        lines.push(entry);
      } else truncated = true;
    };

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const notices: EmailJobData[] = [];
    let disabled: ImportDisabledAccount[] | undefined;
    let afterCommit = () => undefined as void;
    try {
      const state: ImportState = {
        taken: new Set(),
        suffixFrom: new Map(),
        seenKeys: new Map(),
        touched: new Map(),
        notices,
        locale: null,
        actor: options.actor,
        kept: { externalIds: [], emails: [] },
        unreadable: 0,
      };
      // Every statement of the import looks rows up by key (1,000 at a time): with the many
      // index probes of such a batch the planner would rather scan the tenant, which makes a
      // large import quadratic. Index lookups only, for this transaction.
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query(
        'CREATE TEMPORARY TABLE import_lines (key text PRIMARY KEY, line integer NOT NULL) ON COMMIT DROP',
      );
      for (const username of await new UserImportRepository(runner.manager).usernames(
        target.tenantId,
      ))
        state.taken.add(username);

      let batch: Pending[] = [];
      let analyzedAt = state.taken.size;
      for await (const record of csv.records) {
        if ('error' in record)
          batch.push({ line: record.line, rejected: { code: 'csv_syntax', reason: record.error } });
        else {
          const parsed = parseRow(record.fields, header, record.line);
          batch.push(
            parsed.ok
              ? { line: record.line, row: parsed.row }
              : { line: record.line, rejected: { code: parsed.code, reason: parsed.reason } },
          );
        }
        if (batch.length >= BATCH_SIZE) {
          await this.flush(runner, target, state, batch, report);
          batch = [];
          // The planner knows nothing of the rows this transaction added: past a doubling of
          // the tenant's accounts, refresh its statistics, or the batch lookups turn into
          // scans of the whole tenant (an import of 300,000 accounts would take minutes).
          const accounts = state.taken.size;
          if (accounts >= 2 * analyzedAt && accounts >= ANALYZE_FROM) {
            await new UserImportRepository(runner.manager).analyze();
            analyzedAt = accounts;
          }
        }
      }
      await this.flush(runner, target, state, batch, report);
      if (options.disableMissing) {
        const leavers = await this.disableMissing(runner, target, state, summary, options);
        disabled = leavers.disabled;
        afterCommit = leavers.afterCommit;
      }
      await new AuditEventsRepository(runner.manager).insert(target.tenantId, {
        action: 'users.imported',
        actorType: options.actor.type,
        actorId: options.actor.id,
        targetType: 'tenant',
        targetId: target.tenantId,
        details: {
          source: options.source,
          encoding: csv.encoding,
          delimiter: csv.delimiter,
          ...summary,
          ...(options.disableMissing ? { disableMissing: true } : {}),
        },
      });
      if (options.dryRun) await runner.rollbackTransaction();
      else await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    if (!options.dryRun) {
      if (summary.updated || disabled?.length) await this.accountsChanged?.(target.tenantId);
      if (notices.length) await this.outbox?.enqueue(notices);
      afterCommit();
    }
    return {
      encoding: csv.encoding,
      delimiter: csv.delimiter,
      summary,
      lines,
      truncated,
      durationMs: Math.round(performance.now() - started),
      ...(disabled ? { disabled: disabled.slice(0, keepLines) } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    };
  }

  /**
   * `disableMissing`, in the import's transaction once every line is written: the active
   * accounts no line named are disabled — unless the file does not look like a full export.
   */
  private async disableMissing(
    runner: QueryRunner,
    target: ImportTarget,
    state: ImportState,
    summary: ImportSummary,
    options: ImportOptions,
  ): Promise<{ disabled: ImportDisabledAccount[]; afterCommit: () => void }> {
    if (state.unreadable > 0)
      throw new DisableMissingRefused(
        `${state.unreadable} line(s) could not be read, so the file may not name everyone: nobody was disabled and nothing was imported. Fix those lines, or import without disabling the missing accounts.`,
      );
    const repository = new AccountDisablingRepository(runner.manager);
    const missing = await repository.missingFromImport(target.tenantId, state.kept);
    const named = summary.created + summary.updated + summary.unchanged + summary.rejected;
    if (missing.length && named === 0)
      throw new DisableMissingRefused(
        'The file names nobody: it would disable every account. Nothing was imported.',
      );
    const active = (await repository.countActive(target.tenantId)) - summary.created;
    if (
      !options.allowMassDisable &&
      missing.length > MASS_DISABLE_MIN &&
      missing.length > MASS_DISABLE_SHARE * active
    )
      throw new DisableMissingRefused(
        `The file would disable ${missing.length} of the tenant's ${active} active accounts (more than ${MASS_DISABLE_SHARE * 100} %): is it the full export? Nothing was imported. Check the file, or allow it explicitly (--allow-mass-disable).`,
      );
    const logouts: PendingLogout[] = [];
    for (const account of missing)
      logouts.push(...(await this.leavers.execute(target.tenantId, account.id, runner.manager)));
    await runner.query(
      `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after)
       SELECT $1, $2, $3, 'user.disabled', 'user', v.id::text, '{"status":"active"}'::jsonb, '{"status":"disabled","source":"import"}'::jsonb
         FROM unnest($4::uuid[]) AS v(id)`,
      [target.tenantId, options.actor.type, options.actor.id, missing.map((m) => m.id)],
    );
    summary.disabled = missing.length;
    for (const account of missing) options.onDisabled?.(account);
    return {
      disabled: missing,
      afterCommit: () => this.leavers.notify(target.tenantId, logouts),
    };
  }

  /** Checks a batch against the database and writes it (one savepoint; line by line if a concurrent change gets in the way). */
  private async flush(
    runner: QueryRunner,
    target: ImportTarget,
    state: ImportState,
    batch: Pending[],
    report: (l: ImportLineReport) => void,
  ): Promise<void> {
    if (!batch.length) return;
    const rows = batch.flatMap((p) => ('row' in p ? [p.row] : []));
    const existing = rows.length ? await this.existingFor(runner, target.tenantId, rows) : [];
    const keys = [...rows.map(lineKey), ...existing.map((e) => `id:${e.id}`)];
    const seen = await runner.manager.query<{ key: string; line: number }[]>(
      'SELECT key, line FROM import_lines WHERE key = ANY($1::text[])',
      [keys],
    );
    state.seenKeys = new Map(
      seen.filter((s) => !s.key.startsWith('id:')).map((s) => [s.key, s.line]),
    );
    state.touched = new Map(
      seen.filter((s) => s.key.startsWith('id:')).map((s) => [s.key.slice(3), s.line]),
    );
    const results = new Map<number, ImportLineReport>();
    const plans: Plan[] = [];
    for (const pending of batch) {
      if ('rejected' in pending) {
        state.unreadable += 1;
        results.set(pending.line, { line: pending.line, status: 'rejected', ...pending.rejected });
        continue;
      }
      const planned = this.plan(pending.row, target, state, existing);
      if ('code' in planned) keep(state, pending.row);
      if ('code' in planned)
        results.set(pending.line, {
          line: pending.line,
          status: 'rejected',
          code: planned.code,
          reason: planned.reason,
        });
      else plans.push(planned);
    }

    await runner.query('SAVEPOINT import_batch');
    try {
      const notices = await this.write(runner, target.tenantId, plans, state);
      await runner.query('RELEASE SAVEPOINT import_batch');
      state.notices.push(...notices);
      for (const p of plans)
        results.set(p.row.line, {
          line: p.row.line,
          status: p.kind === 'create' ? 'created' : p.kind === 'update' ? 'updated' : 'unchanged',
          username: p.username,
        });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await runner.query('ROLLBACK TO SAVEPOINT import_batch');
      for (const p of plans) {
        await runner.query('SAVEPOINT import_line');
        try {
          const notices = await this.write(runner, target.tenantId, [p], state);
          await runner.query('RELEASE SAVEPOINT import_line');
          state.notices.push(...notices);
          results.set(p.row.line, {
            line: p.row.line,
            status: p.kind === 'create' ? 'created' : p.kind === 'update' ? 'updated' : 'unchanged',
            username: p.username,
          });
        } catch (lineError) {
          if (!isUniqueViolation(lineError)) throw lineError;
          await runner.query('ROLLBACK TO SAVEPOINT import_line');
          keep(state, p.row);
          results.set(p.row.line, {
            line: p.row.line,
            status: 'rejected',
            code: 'conflict',
            reason: 'Another account already has this username or externalId.',
          });
        }
      }
    }
    // Remember the keys and accounts of the written lines for the batches to come.
    const written = plans.filter((p) => results.get(p.row.line)?.status !== 'rejected');
    const remembered = written.flatMap((p): [string, number][] => [
      [lineKey(p.row), p.row.line],
      ...(p.kind === 'create' ? [] : [[`id:${p.id}`, p.row.line] as [string, number]]),
    ]);
    if (remembered.length) {
      await runner.query(
        'INSERT INTO import_lines (key, line) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING',
        [remembered.map(([key]) => key), remembered.map(([, line]) => line)],
      );
    }
    for (const line of [...results.keys()].sort((a, b) => a - b)) report(results.get(line)!);
  }

  private async existingFor(
    runner: QueryRunner,
    tenantId: TenantId,
    rows: readonly ImportRow[],
  ): Promise<ExistingAccount[]> {
    const externalIds = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
    const emails = rows.map((r) => r.email);
    const usernames = rows.flatMap((r) =>
      r.username ? [r.username.trim().normalize('NFC').toLowerCase()] : [],
    );
    return new UserImportRepository(runner.manager).matching(tenantId, {
      externalIds,
      emails,
      usernames,
    });
  }

  /** What to do with one valid line, or why it is refused. */
  private plan(
    row: ImportRow,
    target: ImportTarget,
    state: ImportState,
    existing: readonly ExistingAccount[],
  ): Plan | { code: string; reason: string } {
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
      const checked = checkUsername(target.usernameRule, row.username);
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
      const rule = target.usernameRule;
      if (explicit === null && rule.kind === 'name-derived') {
        const derived = deriveUsername(rule, person);
        if (!derived.ok)
          return { code: derived.error.code, reason: usernameErrorMessage(derived.error, 'en') };
        plan = { kind: 'create', row, username: this.nextFree(state, derived.username) };
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
  private nextFree(state: ImportState, base: string): string {
    if (!state.taken.has(base)) return base;
    let n = state.suffixFrom.get(base) ?? 2;
    while (state.taken.has(`${base}${n}`)) n += 1;
    state.suffixFrom.set(base, n + 1);
    return `${base}${n}`;
  }

  /** Writes the plans; returns the jobs of the notices it wrote to the outbox. */
  private async write(
    runner: QueryRunner,
    tenantId: TenantId,
    plans: readonly Plan[],
    state: ImportState,
  ): Promise<EmailJobData[]> {
    const imports = new UserImportRepository(runner.manager);
    const creates = plans.filter(
      (p): p is Extract<Plan, { kind: 'create' }> => p.kind === 'create',
    );
    const updates = plans.filter(
      (p): p is Extract<Plan, { kind: 'update' }> => p.kind === 'update',
    );
    await imports.insertMany(
      tenantId,
      creates.map((p) => ({ ...p.row, username: p.username })),
    );
    if (updates.length) {
      await imports.updateMany(
        tenantId,
        updates.map((p) => ({
          ...p.row,
          id: p.id,
          username: p.username,
          externalId: p.externalId,
        })),
      );
      const moved = updates.filter((p) => p.row.email !== p.previous.email);
      if (moved.length) return this.addressesChanged(runner, tenantId, moved, state);
    }
    return [];
  }

  /**
   * The accounts' addresses changed: their pending links are voided (they were sent to the
   * old address, or would reach the new one unasked), their sessions end, and the previous
   * address gets the notice. In the batch's savepoint, so a line written again alone redoes it.
   */
  private async addressesChanged(
    runner: QueryRunner,
    tenantId: TenantId,
    moved: readonly Extract<Plan, { kind: 'update' }>[],
    state: ImportState,
  ): Promise<EmailJobData[]> {
    const ids = moved.map((p) => p.id);
    await new ActionTokensRepository(runner.manager).voidPending(tenantId, ids);
    await new RefreshSessionsRepository(runner.manager).revokeAllOf(tenantId, ids);
    if (!state.locale) {
      state.locale =
        (await new TenantSettingsRepository(runner.manager).defaultLocale(tenantId)) ?? 'fr';
    }
    const changedAt = new Date().toISOString();
    const payloads = moved.map((p): EmailChangedEmail => ({
      kind: 'email-changed',
      tenantId,
      version: 1,
      locale: state.locale!,
      recipient: { email: p.previous.email, name: `${p.row.firstName} ${p.row.lastName}`.trim() },
      data: { username: p.username, changedAt },
    }));
    const outboxIds = await new EmailDeliveriesRepository(runner.manager).insertNotices(
      tenantId,
      'email-changed',
      payloads.map((p, i) => ({ userId: ids[i]!, recipient: p.recipient.email, payload: p })),
    );
    await new AuditEventsRepository(runner.manager).insertEmailChanges(
      tenantId,
      state.actor,
      moved.map((p) => ({ userId: p.id, previous: p.previous.email, next: p.row.email })),
    );
    return outboxIds.map((outboxId) => ({
      outboxId,
      tenantId,
      kind: 'email-changed' as const,
      version: 1 as const,
    }));
  }
}
