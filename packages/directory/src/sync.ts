import { performance } from 'node:perf_hooks';
import {
  type AccountWrite,
  directoryAccounts,
  directoryRuns,
  disableAccountIn,
  type PendingLogout,
} from '@guichet/db';
import type { Encryptor } from '@guichet/platform';
import type {
  DirectoryChange,
  DirectoryCounts,
  DirectoryTestResponse,
  DirectoryTrigger,
  StoredDirectorySettings,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { DirectoryError, readDirectory, sampleDirectory } from './ldap-reader.js';
import type { DirectoryLock } from './lock.js';
import { planSync, reportLine, type SyncPlan } from './plan.js';
import type { DirectoryTargetPolicy } from './target.js';

/** The tenant has no directory settings (or does not exist). */
export class DirectoryNotConfigured extends Error {
  constructor() {
    super('This tenant has no directory configured.');
    this.name = 'DirectoryNotConfigured';
  }
}

export interface SyncOptions {
  trigger: DirectoryTrigger;
  /** Preview: the report of what a sync would do, nothing written but the run. */
  dryRun: boolean;
  /** Past the safety net (more than maxDisablePercent of the directory's accounts disabled). */
  force?: boolean;
  actor: { type: 'admin' | 'system'; id: string | null };
  /** Each change, in order, as soon as it is known (the CLI prints them). */
  onChange?: (line: DirectoryChange) => void;
}

export interface SyncResult {
  runId: string;
  status: 'ok' | 'failed';
  counts: DirectoryCounts;
  changes: DirectoryChange[];
  error: string | null;
  /** Back-channel logouts of the disabled accounts, to send after the commit (API only). */
  logouts: { tenantId: string; logouts: PendingLogout[] };
  durationMs: number;
}

export interface DirectorySyncDeps {
  dataSource: DataSource;
  encryptor: Encryptor;
  targets: DirectoryTargetPolicy;
  /** Held by every sync that writes; previews read only and do not take it. */
  lock: DirectoryLock;
  pageSize?: number;
}

const BATCH = 1000;
const EMPTY: DirectoryCounts = { created: 0, updated: 0, disabled: 0, unchanged: 0, rejected: 0 };

/** The refusal of the safety net, or null: a wrong base DN or filter must not disable everyone. */
export function safetyRefusal(plan: SyncPlan, maxPercent: number): string | null {
  const { disabled } = plan.counts;
  if (disabled < 2 || disabled * 100 <= maxPercent * plan.directoryAccounts) return null;
  const share = Math.round((disabled * 100) / Math.max(1, plan.directoryAccounts));
  return (
    `This sync would disable ${disabled} of the ${plan.directoryAccounts} accounts the directory provisioned (${share}%, over the ${maxPercent}% limit): ` +
    'nothing was changed. Check the base DN and filter, then preview again; sync with force to go ahead.'
  );
}

/**
 * A tenant's directory sync, shared by the worker (scheduled), the admin API (preview,
 * "Sync now") and the CLI. The directory is read whole before anything is written: a wrong
 * bind or an unreachable server fails the run, and nobody is disabled. The writes are one
 * transaction (creates, updates, leavers), audited; the run keeps its report.
 */
export class DirectorySync {
  constructor(private readonly deps: DirectorySyncDeps) {}

  private password(settings: StoredDirectorySettings): string | null {
    return settings.bindPasswordCiphertext
      ? this.deps.encryptor.decrypt(settings.bindPasswordCiphertext)
      : null;
  }

  async run(tenantId: string, options: SyncOptions): Promise<SyncResult> {
    const tenant = await directoryAccounts.tenant(this.deps.dataSource, tenantId);
    if (!tenant?.directory) throw new DirectoryNotConfigured();
    const settings = tenant.directory;
    const work = () => this.runLocked(tenantId, tenant.usernameRule, settings, options);
    return options.dryRun ? work() : this.deps.lock.hold(tenantId, work);
  }

  private async runLocked(
    tenantId: string,
    rule: Parameters<typeof planSync>[2],
    settings: StoredDirectorySettings,
    options: SyncOptions,
  ): Promise<SyncResult> {
    const started = performance.now();
    const db = this.deps.dataSource;
    const runId = await directoryRuns.start(db, tenantId, {
      trigger: options.trigger,
      dryRun: options.dryRun,
      actorId: options.actor.id,
    });
    const result = (
      status: 'ok' | 'failed',
      counts: DirectoryCounts,
      changes: DirectoryChange[],
      error: string | null,
      logouts: PendingLogout[] = [],
    ): SyncResult => ({
      runId,
      status,
      counts,
      changes,
      error,
      logouts: { tenantId, logouts },
      durationMs: Math.round(performance.now() - started),
    });
    const fail = async (message: string, counts = EMPTY, changes: DirectoryChange[] = []) => {
      await directoryRuns.finish(db, tenantId, runId, {
        status: 'failed',
        counts,
        changes,
        error: message,
      });
      return result('failed', counts, changes, message);
    };
    try {
      let entries;
      try {
        entries = await readDirectory(settings, this.password(settings), {
          targets: this.deps.targets,
          pageSize: this.deps.pageSize,
        });
      } catch (error) {
        if (error instanceof DirectoryError) return await fail(error.message);
        throw error;
      }
      const accounts = await directoryAccounts.accounts(db, tenantId);
      const plan = planSync(entries, accounts, rule, settings.leavers);
      const lines = plan.changes.map(reportLine).filter((l): l is DirectoryChange => l !== null);
      const refused = safetyRefusal(plan, settings.maxDisablePercent);
      if (refused && !options.dryRun && !options.force)
        return await fail(refused, plan.counts, lines);
      for (const line of lines) options.onChange?.(line);
      let logouts: PendingLogout[] = [];
      if (!options.dryRun) logouts = await this.apply(tenantId, plan, options);
      const warning = refused && options.dryRun ? `Warning: ${refused}` : null;
      await directoryRuns.finish(db, tenantId, runId, {
        status: 'ok',
        counts: plan.counts,
        changes: lines,
        error: warning,
      });
      return result('ok', plan.counts, lines, warning, logouts);
    } catch (error) {
      await fail(`The sync failed: ${(error as Error).message}`).catch(() => undefined);
      throw error;
    }
  }

  /** One transaction: creates and updates in batches, then the leavers, then the audit event. */
  private async apply(
    tenantId: string,
    plan: SyncPlan,
    options: SyncOptions,
  ): Promise<PendingLogout[]> {
    const creates: AccountWrite[] = [];
    const updates: (AccountWrite & { id: string })[] = [];
    const emailChanged: string[] = [];
    const disables: string[] = [];
    for (const c of plan.changes) {
      if (c.kind === 'create') creates.push(c.write);
      else if (c.kind === 'update') {
        updates.push({ ...c.write, id: c.id });
        if (c.fields.includes('email')) emailChanged.push(c.id);
      } else if (c.kind === 'disable') disables.push(c.id);
    }
    return this.deps.dataSource.transaction(async (em) => {
      for (let i = 0; i < updates.length; i += BATCH)
        await directoryAccounts.update(em, tenantId, updates.slice(i, i + BATCH));
      for (let i = 0; i < creates.length; i += BATCH)
        await directoryAccounts.insert(em, tenantId, creates.slice(i, i + BATCH));
      await directoryAccounts.voidPendingLinks(em, tenantId, emailChanged);
      const logouts: PendingLogout[] = [];
      for (const id of disables)
        logouts.push(...(await disableAccountIn(em, tenantId, id)).logouts);
      await directoryAccounts.audit(em, tenantId, {
        actorType: options.actor.type,
        actorId: options.actor.id,
        action: 'directory.synced',
        after: { trigger: options.trigger, forced: Boolean(options.force), ...plan.counts },
      });
      return logouts;
    });
  }

  /** "Test connection" with these settings (saved or not): the bind and a few entries. */
  async test(settings: StoredDirectorySettings): Promise<DirectoryTestResponse> {
    try {
      const sample = await sampleDirectory(settings, this.password(settings), {
        targets: this.deps.targets,
        timeoutMs: 10_000,
      });
      return {
        ok: true,
        message: sample.length
          ? `Connected and bound; the filter returns entries (first ${sample.length} shown).`
          : 'Connected and bound, but the filter returns no entry under the base DN.',
        sample: sample.map((m) =>
          m.ok
            ? { dn: m.entry.dn, username: m.entry.username, email: m.entry.email }
            : { dn: m.dn, username: m.username, email: null },
        ),
      };
    } catch (error) {
      if (error instanceof DirectoryError) return { ok: false, message: error.message, sample: [] };
      throw error;
    }
  }
}
