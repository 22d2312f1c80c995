import type { TenantId } from '../tenant-id.js';
import type { Queryable } from './queryable.js';

/** Who runs an import, as its audit events name them. */
export interface ImportActor {
  type: 'admin' | 'system';
  id: string | null;
}

/**
 * The CSV import's own statements, in its transaction: the `import_lines` staging table (the
 * keys and accounts the file's lines already used, kept in PostgreSQL so the importer's memory
 * does not grow with the file), the savepoints of its batches, and the audit events of the
 * accounts it disables. The `users` statements are UserImportRepository's.
 */
export class AccountImportRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Opens the staging table (dropped at the commit) and makes the transaction look rows up by
   * index only: with the many index probes of a 1,000-line batch the planner would rather scan
   * the tenant, which makes a large import quadratic.
   */
  async openStaging(): Promise<void> {
    await this.db.query('SET LOCAL enable_seqscan = off');
    await this.db.query(
      'CREATE TEMPORARY TABLE import_lines (key text PRIMARY KEY, line integer NOT NULL) ON COMMIT DROP',
    );
  }

  /** The keys among these that earlier lines of the file used, with the first line of each. */
  seenLines(keys: readonly string[]): Promise<{ key: string; line: number }[]> {
    return this.db.query('SELECT key, line FROM import_lines WHERE key = ANY($1::text[])', [keys]);
  }

  /** Remembers the keys of written lines (the first line keeps a key). */
  async rememberLines(entries: readonly (readonly [key: string, line: number])[]): Promise<void> {
    if (!entries.length) return;
    await this.db.query(
      'INSERT INTO import_lines (key, line) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING',
      [entries.map(([key]) => key), entries.map(([, line]) => line)],
    );
  }

  /**
   * Runs `work` in a savepoint: released when it succeeds (true); rolled back to when it
   * throws an error `recoverable` accepts (false). Any other error propagates as it is.
   */
  async savepoint(
    name: 'import_batch' | 'import_line',
    work: () => Promise<void>,
    recoverable: (error: unknown) => boolean,
  ): Promise<boolean> {
    await this.db.query(`SAVEPOINT ${name}`);
    try {
      await work();
      await this.db.query(`RELEASE SAVEPOINT ${name}`);
      return true;
    } catch (error) {
      if (!recoverable(error)) throw error;
      await this.db.query(`ROLLBACK TO SAVEPOINT ${name}`);
      return false;
    }
  }

  /** The `user.disabled` audit events of the accounts the import disabled as leavers. */
  async auditDisabled(
    tenant: TenantId,
    actor: ImportActor,
    userIds: readonly string[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_events (tenant_id, actor_type, actor_id, action, target_type, target_id, before, after)
       SELECT $1, $2, $3, 'user.disabled', 'user', v.id::text, '{"status":"active"}'::jsonb, '{"status":"disabled","source":"import"}'::jsonb
         FROM unnest($4::uuid[]) AS v(id)`,
      [tenant, actor.type, actor.id, userIds],
    );
  }
}
