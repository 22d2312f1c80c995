import { AccountDisablingRepository, type ActorType } from '@guichet/db';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { endOidcGrantsOf, type PendingLogout } from '../oidc/oidc-revocation.js';
import type { RequestMeta } from '../request/request-meta.js';

/** Sends the back-channel logouts once the change committed (the API's BackchannelLogouts). */
export interface LogoutSender {
  send(tenantId: string, logouts: PendingLogout[]): void;
}

/** Who disables, and through what: an admin, a SCIM client (its token's name), a CSV import, the directory sync. */
export interface DisableCause {
  actor: { type: ActorType; id: string | null };
  source: 'admin' | 'scim' | 'import' | 'directory';
  meta?: Pick<RequestMeta, 'ip' | 'requestId'> | null;
  /** False when the caller writes its own audit row (the admin's status change). */
  audit?: boolean;
}

export interface AccountsDisabled {
  /** The accounts this call disabled (those already disabled are left as they are). */
  disabled: string[];
  /** Sends the back-channel logouts: call it once the transaction committed (done already without `em`). */
  afterCommit(): void;
}

/**
 * The one way a leaver goes out, whatever found them gone (an admin, SCIM, a CSV import of a
 * full export, the directory sync): the account disabled — no sign-in on the portal, the API
 * or OpenID Connect, no email (the portal's replies stay those of anyone) — its refresh
 * sessions revoked, its pending links voided, its OpenID sessions, grants and tokens deleted,
 * and the applications told by back-channel logout after the commit. Audited per account
 * (`user.disabled`, with the source) unless the caller audits.
 */
export class DisableAccount {
  constructor(
    private readonly dataSource: DataSource,
    /** Without one (the CLI) no logout token is sent; the grants are gone all the same. */
    private readonly logouts?: LogoutSender,
  ) {}

  /** In `em` (the caller's transaction) when given; then call `afterCommit` after its commit. */
  async execute(
    tenantId: string,
    userIds: readonly string[],
    cause: DisableCause,
    em?: EntityManager,
  ): Promise<AccountsDisabled> {
    if (!em) {
      const result = await this.dataSource.transaction((tx) =>
        this.execute(tenantId, userIds, cause, tx),
      );
      result.afterCommit();
      return { disabled: result.disabled, afterCommit: () => undefined };
    }
    const disabled = await new AccountDisablingRepository(em).disable(tenantId, userIds);
    const pending: PendingLogout[] = [];
    for (const userId of disabled) {
      const { logouts } = await endOidcGrantsOf(em, tenantId, userId);
      pending.push(...logouts);
    }
    if (cause.audit !== false) {
      const audit = new AuditLog(this.dataSource);
      for (const userId of disabled)
        await audit.recordIn(em, {
          tenantId,
          action: 'user.disabled',
          actorType: cause.actor.type,
          actorId: cause.actor.id,
          targetType: 'user',
          targetId: userId,
          before: { status: 'active' },
          details: { status: 'disabled', source: cause.source },
          meta: cause.meta ?? null,
        });
    }
    let sent = false;
    return {
      disabled,
      afterCommit: () => {
        if (sent) return;
        sent = true;
        if (pending.length) this.logouts?.send(tenantId, pending);
      },
    };
  }
}
