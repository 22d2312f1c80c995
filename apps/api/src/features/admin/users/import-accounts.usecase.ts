import { performance } from 'node:perf_hooks';
import {
  AccountImportRepository,
  AuditEventsRepository,
  disableAccountIn,
  type TenantId,
  UserImportRepository,
} from '@guichet/db';
import type {
  EmailJobData,
  ImportDisabledAccount,
  ImportLineReport,
  ImportReport,
} from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import {
  BATCH_SIZE,
  type ImportOptions,
  type ImportState,
  type ImportTarget,
  isUniqueViolation,
  keep,
  type Leavers,
  lineReports,
  openImportFile,
  type OutboxQueue,
  type Pending,
} from './import-accounts.shared.js';
import { disableMissing } from './import-leavers.js';
import {
  emptyPlanState,
  type ExistingAccount,
  lineKey,
  type Plan,
  planLine,
  planStatus,
} from './import-plan.js';
import { type ImportRow, parseRow } from './import-row.js';
import { writePlans } from './import-writes.js';

export {
  BATCH_SIZE,
  CsvFormatError,
  DisableMissingRefused,
  type ImportOptions,
  type ImportTarget,
  type Leavers,
  type OutboxQueue,
} from './import-accounts.shared.js';

/** Accounts in the tenant before the import's own statistics refreshes start. */
const ANALYZE_FROM = 10_000;

/**
 * Account import from an HR or directory CSV, shared by the CLI and the admin API (no Nest
 * here). Streamed: lines are read, checked and written in batches of BATCH_SIZE, so memory
 * does not grow with the file (besides one entry per line for duplicate detection).
 *
 * - what each line does (create, update, unchanged, rejected): `planLine` (import-plan.ts);
 * - a rejected line writes nothing; a line equal to the account is `unchanged`, so importing
 *   the same file again changes nothing;
 * - the whole file is one transaction: if the file cannot be read to its end (upload cut,
 *   too large, database error), nothing of it is written;
 * - a line that changes an account's email address voids the account's pending links, ends
 *   its sessions and writes an "address changed" notice to the PREVIOUS address in the
 *   outbox (so a changed address cannot take an account over unnoticed); the notices are
 *   enqueued after the commit (or by the worker's reconciler when no queue is given).
 */
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
    const { csv, header } = await openImportFile(input);
    const keepLines = options.keepLines ?? Number.POSITIVE_INFINITY;
    const { summary, lines, report, truncated } = lineReports(options.onLine, keepLines);

    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const notices: EmailJobData[] = [];
    let disabled: ImportDisabledAccount[] | undefined;
    let afterCommit = async () => undefined as void;
    try {
      const staging = new AccountImportRepository(runner.manager);
      await staging.openStaging();
      const imports = new UserImportRepository(runner.manager);
      const state: ImportState = {
        ...emptyPlanState(await imports.usernames(target.tenantId)),
        notices,
        locale: null,
        actor: options.actor,
        kept: { externalIds: [], emails: [] },
        unreadable: 0,
      };

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
          await this.flush(runner.manager, target, state, batch, report);
          batch = [];
          // The planner knows nothing of the rows this transaction added: past a doubling of
          // the tenant's accounts, refresh its statistics, or the batch lookups turn into
          // scans of the whole tenant (an import of 300,000 accounts would take minutes).
          const accounts = state.taken.size;
          if (accounts >= 2 * analyzedAt && accounts >= ANALYZE_FROM) {
            await imports.analyze();
            analyzedAt = accounts;
          }
        }
      }
      await this.flush(runner.manager, target, state, batch, report);
      if (options.disableMissing) {
        const leavers = await disableMissing(
          runner.manager,
          this.leavers,
          target,
          state,
          summary,
          options,
        );
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
      await afterCommit();
    }
    return {
      encoding: csv.encoding,
      delimiter: csv.delimiter,
      summary,
      lines,
      truncated: truncated(),
      durationMs: Math.round(performance.now() - started),
      ...(disabled ? { disabled: disabled.slice(0, keepLines) } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    };
  }

  /** Checks a batch against the database and writes it (one savepoint; line by line if a concurrent change gets in the way). */
  private async flush(
    em: EntityManager,
    target: ImportTarget,
    state: ImportState,
    batch: Pending[],
    report: (l: ImportLineReport) => void,
  ): Promise<void> {
    if (!batch.length) return;
    const rows = batch.flatMap((p) => ('row' in p ? [p.row] : []));
    const staging = new AccountImportRepository(em);
    const existing = rows.length ? await existingFor(em, target.tenantId, rows) : [];
    const keys = [...rows.map(lineKey), ...existing.map((e) => `id:${e.id}`)];
    const seen = await staging.seenLines(keys);
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
      const planned = planLine(pending.row, target.usernameRule, state, existing);
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

    const written = (p: Plan) =>
      results.set(p.row.line, { line: p.row.line, status: planStatus(p), username: p.username });
    let notices: EmailJobData[] = [];
    const write = (some: readonly Plan[]) => async () => {
      notices = await writePlans(em, target.tenantId, some, state);
    };
    if (await staging.savepoint('import_batch', write(plans), isUniqueViolation)) {
      state.notices.push(...notices);
      plans.forEach(written);
    } else {
      for (const p of plans) {
        if (await staging.savepoint('import_line', write([p]), isUniqueViolation)) {
          state.notices.push(...notices);
          written(p);
        } else {
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
    await staging.rememberLines(
      plans
        .filter((p) => results.get(p.row.line)?.status !== 'rejected')
        .flatMap((p): [string, number][] => [
          [lineKey(p.row), p.row.line],
          ...(p.kind === 'create' ? [] : [[`id:${p.id}`, p.row.line] as [string, number]]),
        ]),
    );
    for (const line of [...results.keys()].sort((a, b) => a - b)) report(results.get(line)!);
  }
}

async function existingFor(
  em: EntityManager,
  tenantId: TenantId,
  rows: readonly ImportRow[],
): Promise<ExistingAccount[]> {
  const externalIds = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
  const emails = rows.map((r) => r.email);
  const usernames = rows.flatMap((r) =>
    r.username ? [r.username.trim().normalize('NFC').toLowerCase()] : [],
  );
  return new UserImportRepository(em).matching(tenantId, {
    externalIds,
    emails,
    usernames,
  });
}
