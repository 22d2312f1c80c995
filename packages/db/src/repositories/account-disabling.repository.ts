import type { DataSource, EntityManager } from 'typeorm';

/**
 * Leavers: `users` set disabled with what they hold in `refresh_sessions` (revoked) and
 * `action_tokens` (voided). Every method takes the tenant id first and filters on it. The
 * OpenID grants are ended by the API beside this (oidc-revocation), in the same transaction.
 */
export class AccountDisablingRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Disables the active accounts among `userIds`, ends their sessions and voids their pending links; returns those it disabled. */
  async disable(tenantId: string, userIds: readonly string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE users SET status = 'disabled', updated_at = now()
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'active' RETURNING id`,
      [tenantId, userIds],
    );
    const ids = rows.map((r) => r.id);
    if (!ids.length) return [];
    await this.db.query(
      `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND revoked_at IS NULL`,
      [tenantId, ids],
    );
    await this.db.query(
      `UPDATE action_tokens SET voided_at = now() WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND consumed_at IS NULL AND voided_at IS NULL`,
      [tenantId, ids],
    );
    return ids;
  }

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
