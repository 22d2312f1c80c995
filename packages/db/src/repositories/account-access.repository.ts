import type { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A logout token to send (OpenID Connect Back-Channel Logout): to this client, for this person and session. */
export interface PendingLogout {
  clientId: string;
  sub: string;
  /** The provider session the client's sign-in belonged to; absent when only a grant remained (offline access). */
  sid?: string;
}

export interface OidcGrantsEnded {
  /** Provider artefacts deleted (sessions, grants, codes, tokens). */
  artefacts: number;
  /** What the clients holding them should be told, once the caller's transaction commits (BackchannelLogouts). */
  logouts: PendingLogout[];
}

/**
 * Ends everything a person holds at their tenant's issuer — provider sessions, grants,
 * codes, access and refresh tokens — in the caller's transaction: a password reset, a
 * disabled account and "sign out everywhere" leave no application signed in. Returns the
 * back-channel logouts to send after the commit (each client with a session id per
 * provider session, or once without one for a grant that outlived its session).
 */
export async function endOidcGrantsOf(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<OidcGrantsEnded> {
  const sessions = await db.query<{ clientId: string; sid: string | null }[]>(
    `SELECT a.key AS "clientId", a.value->>'sid' AS sid
       FROM oidc_payloads p, jsonb_each(coalesce(p.payload->'authorizations', '{}'::jsonb)) a
      WHERE p.tenant_id = $1 AND p.model = 'Session' AND p.account_id = $2`,
    [tenantId, userId],
  );
  const grants = await db.query<{ clientId: string }[]>(
    `SELECT DISTINCT payload->>'clientId' AS "clientId" FROM oidc_payloads WHERE tenant_id = $1 AND model = 'Grant' AND account_id = $2`,
    [tenantId, userId],
  );
  const logouts: PendingLogout[] = sessions.map((s) =>
    s.sid
      ? { clientId: s.clientId, sub: userId, sid: s.sid }
      : { clientId: s.clientId, sub: userId },
  );
  for (const { clientId } of grants) {
    if (clientId && !logouts.some((l) => l.clientId === clientId))
      logouts.push({ clientId, sub: userId });
  }
  const [, artefacts] = await db.query<[unknown[], number]>(
    `DELETE FROM oidc_payloads WHERE tenant_id = $1
        AND (account_id = $2 OR grant_id IN (SELECT id FROM oidc_payloads WHERE tenant_id = $1 AND model = 'Grant' AND account_id = $2))`,
    [tenantId, userId],
  );
  return { artefacts, logouts };
}

/**
 * A leaver is out everywhere, in the caller's transaction: the account disabled (sign-in
 * refuses it, the portal sends it no email), its portal sessions revoked, its pending links
 * voided and its OpenID grants ended. Returns the back-channel logouts to send after the
 * commit. Shared by the admin "disable", the directory sync and SCIM.
 */
export async function disableAccountIn(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<OidcGrantsEnded> {
  await db.query(
    `UPDATE users SET status = 'disabled', updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, userId],
  );
  await db.query(
    `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
    [tenantId, userId],
  );
  await db.query(
    `UPDATE action_tokens SET voided_at = now() WHERE tenant_id = $1 AND user_id = $2 AND consumed_at IS NULL AND voided_at IS NULL`,
    [tenantId, userId],
  );
  return endOidcGrantsOf(db, tenantId, userId);
}
