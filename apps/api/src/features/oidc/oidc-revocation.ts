import { OidcPayloadsRepository, type Queryable, type TenantId } from '@guichet/db';

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
  db: Queryable,
  tenantId: TenantId,
  userId: string,
): Promise<OidcGrantsEnded> {
  const payloads = new OidcPayloadsRepository(db);
  const sessions = await payloads.sessionClientsOf(tenantId, userId);
  const grants = await payloads.grantClientsOf(tenantId, userId);
  const logouts: PendingLogout[] = sessions.map((s) =>
    s.sid
      ? { clientId: s.clientId, sub: userId, sid: s.sid }
      : { clientId: s.clientId, sub: userId },
  );
  for (const clientId of grants) {
    if (clientId && !logouts.some((l) => l.clientId === clientId))
      logouts.push({ clientId, sub: userId });
  }
  const artefacts = await payloads.deleteAllOf(tenantId, userId);
  return { artefacts, logouts };
}
