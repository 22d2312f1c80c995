import { Injectable, Logger } from '@nestjs/common';
import { TenantCache } from '../../platform/tenancy/tenant-cache.service.js';
import { OidcProviders } from './oidc-providers.js';
import type { PendingLogout } from './oidc-revocation.js';

/** The provider's Client, with the method its typings omit. */
interface LogoutCapable {
  backchannelLogoutUri?: string;
  backchannelLogout(sub: string, sid: string | undefined): Promise<void>;
}

/**
 * Sends the logout tokens of OpenID Connect Back-Channel Logout when a person's grants end
 * outside the provider (password reset, account disabled, "sign out everywhere"): signed
 * by the tenant's issuer (oidc-provider's own Client#backchannelLogout), posted to each
 * client that registered a back-channel URI. Best effort, as the specification has it: not
 * awaited by the request, a failure logged; the grants are already gone either way.
 */
@Injectable()
export class BackchannelLogouts {
  private readonly logger = new Logger(BackchannelLogouts.name);

  constructor(
    private readonly providers: OidcProviders,
    private readonly tenants: TenantCache,
  ) {}

  /** Call after the transaction that ended the grants committed. */
  send(tenantId: string, logouts: PendingLogout[]): void {
    if (!logouts.length) return;
    this.deliver(tenantId, logouts).catch((error: Error) =>
      this.logger.warn(`back-channel logout for tenant ${tenantId}: ${error.message}`),
    );
  }

  private async deliver(tenantId: string, logouts: PendingLogout[]): Promise<void> {
    const tenant = await this.tenants.byId(tenantId);
    if (!tenant) return;
    const provider = await this.providers.get(tenant);
    await Promise.all(
      logouts.map(async ({ clientId, sub, sid }) => {
        const client = (await provider.Client.find(clientId)) as LogoutCapable | undefined;
        if (!client?.backchannelLogoutUri) return;
        try {
          await client.backchannelLogout(sub, sid);
        } catch (error) {
          this.logger.warn(
            `back-channel logout to client ${clientId} of ${tenant.slug}: ${(error as Error).message}`,
          );
        }
      }),
    );
  }
}
