import type {
  DirectoryChange,
  DirectoryCounts,
  DirectoryRunView,
  DirectoryTrigger,
} from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** How many changes a run's report keeps (the counts are always complete). */
export const DIRECTORY_REPORT_CAP = 1000;

interface RunRow {
  id: string;
  trigger: DirectoryTrigger;
  dryRun: boolean;
  status: DirectoryRunView['status'];
  startedAt: Date;
  finishedAt: Date | null;
  counts: DirectoryCounts;
  error: string | null;
  changes?: DirectoryChange[];
  changesTruncated?: boolean;
}

const COLUMNS = `id, trigger, dry_run AS "dryRun", status, started_at AS "startedAt", finished_at AS "finishedAt", counts, error`;

const toView = (r: RunRow): DirectoryRunView => ({
  ...r,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
});

/** The runs of directory syncs: every method takes the tenant id first and filters on it. */
export const directoryRuns = {
  async start(
    db: Db,
    tenantId: string,
    run: { trigger: DirectoryTrigger; dryRun: boolean; actorId: string | null },
  ): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO directory_runs (tenant_id, trigger, dry_run, actor_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenantId, run.trigger, run.dryRun, run.actorId],
    );
    return row!.id;
  },

  async finish(
    db: Db,
    tenantId: string,
    runId: string,
    result: {
      status: 'ok' | 'failed';
      counts: DirectoryCounts;
      changes: DirectoryChange[];
      error: string | null;
    },
  ): Promise<void> {
    await db.query(
      `UPDATE directory_runs SET status = $3, finished_at = now(), counts = $4::jsonb, changes = $5::jsonb,
              changes_truncated = $6, error = $7
        WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        runId,
        result.status,
        JSON.stringify(result.counts),
        JSON.stringify(result.changes.slice(0, DIRECTORY_REPORT_CAP)),
        result.changes.length > DIRECTORY_REPORT_CAP,
        result.error?.slice(0, 2000) ?? null,
      ],
    );
  },

  async list(db: Db, tenantId: string, limit = 50): Promise<DirectoryRunView[]> {
    const rows = await db.query<RunRow[]>(
      `SELECT ${COLUMNS} FROM directory_runs WHERE tenant_id = $1 ORDER BY started_at DESC, id LIMIT $2`,
      [tenantId, limit],
    );
    return rows.map(toView);
  },

  async get(db: Db, tenantId: string, runId: string): Promise<DirectoryRunView | null> {
    const [row] = await db.query<RunRow[]>(
      `SELECT ${COLUMNS}, changes, changes_truncated AS "changesTruncated" FROM directory_runs WHERE tenant_id = $1 AND id = $2`,
      [tenantId, runId],
    );
    return row ? toView(row) : null;
  },

  /** When the tenant's last scheduled or manual sync (not a preview) started, or null. */
  async lastStarted(db: Db, tenantId: string): Promise<Date | null> {
    const [row] = await db.query<{ at: Date | null }[]>(
      `SELECT max(started_at) AS at FROM directory_runs WHERE tenant_id = $1 AND NOT dry_run`,
      [tenantId],
    );
    return row?.at ?? null;
  },
};
