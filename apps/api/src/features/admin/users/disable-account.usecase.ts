import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { disableAccountIn, type PendingLogout } from '@guichet/db';
import type { DataSource, EntityManager } from 'typeorm';
import { BackchannelLogouts } from '../../oidc/backchannel-logouts.js';
import { SessionLiveness } from '../../auth/session-liveness.js';

/**
 * A leaver is out everywhere: the account disabled (no sign-in on the portal, the API or
 * OpenID Connect; no email, the portal's replies unchanged), its sessions and pending links
 * revoked, its OpenID grants ended and the clients told by back-channel logout once the
 * transaction commits. The one path of the admin "disable", the directory sync and SCIM.
 */
@Injectable()
export class DisableAccount {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly logouts: BackchannelLogouts,
    private readonly liveness: SessionLiveness,
  ) {}

  /**
   * In the caller's transaction when given one (the caller then sends the returned logouts
   * with `notify` after its commit); in a transaction of its own otherwise.
   */
  async execute(tenantId: string, userId: string, em?: EntityManager): Promise<PendingLogout[]> {
    if (em) return (await disableAccountIn(em, tenantId, userId)).logouts;
    const { logouts } = await this.dataSource.transaction((tx) =>
      disableAccountIn(tx, tenantId, userId),
    );
    await this.notify(tenantId, logouts, [userId]);
    return logouts;
  }

  /**
   * After the commit: every API process forgets the accounts' sessions (SessionLiveness; the
   * whole tenant's when the accounts are not named), then the back-channel logouts (best
   * effort, not awaited). Await it before answering.
   */
  async notify(
    tenantId: string,
    logouts: PendingLogout[],
    userIds: readonly string[] | null = null,
  ): Promise<void> {
    await this.liveness.ended(tenantId, userIds);
    this.logouts.send(tenantId, logouts);
  }
}
