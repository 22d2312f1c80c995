import type { DataSource, EntityManager } from 'typeorm';

/**
 * Who the leavers of a full CSV export are (`users`); they are disabled by
 * `disableAccountIn` (account-access). Every method takes the tenant id first and filters on it.
 */
export class AccountDisablingRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * For a CSV import of a full export (`--disable-missing`), in the import's transaction: the
   * tenant's active accounts that no line of the file named — neither written by it (the
   * `id:` keys of its `import_lines` temporary table) nor matched by the externalId or email
   * of a rejected line (`keptExternalIds`, `keptEmails`) — and that existed before it.
   */
  missingFromImport(
    tenantId: string,
    kept: { externalIds: readonly string[]; emails: readonly string[] },
  ): Promise<{ id: string; username: string }[]> {
    return this.db.query<{ id: string; username: string }[]>(
      `SELECT u.id, u.username FROM users u
        WHERE u.tenant_id = $1 AND u.status = 'active' AND u.created_at < now()
          AND NOT EXISTS (SELECT 1 FROM import_lines l WHERE l.key = 'id:' || u.id::text)
          AND NOT (coalesce(u.external_id = ANY($2::varchar[]), false) OR u.email = ANY($3::varchar[]))
        ORDER BY u.username`,
      [tenantId, kept.externalIds, kept.emails],
    );
  }

  /** How many active accounts the tenant has. */
  async countActive(tenantId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM users WHERE tenant_id = $1 AND status = 'active'`,
      [tenantId],
    );
    return row?.n ?? 0;
  }
}
