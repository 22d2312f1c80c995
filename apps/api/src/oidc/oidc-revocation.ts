import type { DataSource, EntityManager } from 'typeorm';

/**
 * Ends everything a person holds at their tenant's issuer — provider sessions, grants,
 * codes, access and refresh tokens — in the caller's transaction: a password reset, a
 * disabled account and "sign out everywhere" leave no application signed in.
 */
export async function endOidcGrantsOf(db: DataSource | EntityManager, tenantId: string, userId: string): Promise<number> {
  const [, affected] = await db.query<[unknown[], number]>(
    `DELETE FROM oidc_payloads WHERE tenant_id = $1
        AND (account_id = $2 OR grant_id IN (SELECT id FROM oidc_payloads WHERE tenant_id = $1 AND model = 'Grant' AND account_id = $2))`,
    [tenantId, userId],
  );
  return affected;
}
