import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { disableAccountIn, type PendingLogout } from '@guichet/db';
import type { DataSource, EntityManager } from 'typeorm';
import { BackchannelLogouts } from '../oidc/backchannel-logouts.js';

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
    this.notify(tenantId, logouts);
    return logouts;
  }

  /** After the commit: the back-channel logouts (best effort, not awaited). */
  notify(tenantId: string, logouts: PendingLogout[]): void {
    this.logouts.send(tenantId, logouts);
  }
}
