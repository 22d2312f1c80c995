import { ForbiddenException, Injectable } from '@nestjs/common';
import { UsersRepository } from '@guichet/db';
import { foldName } from '@guichet/rules';
import type { LookupResponse } from '@guichet/types';
import { AuditLog } from '../../platform/audit/audit-log.js';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import { ClientLimits } from '../../platform/security/client-limits.js';
import { isInNetworks } from '../../platform/security/networks.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

const MAX_CANDIDATES = 10;

export const LOOKUP_DISABLED = {
  error: 'lookup_disabled',
  message: 'The username lookup tool is not offered on this portal.',
};
export const NETWORK_NOT_ALLOWED = {
  error: 'network_not_allowed',
  message:
    "The username lookup tool can only be used from a workstation on the institution's network.",
};

/**
 * « Outil de recherche du compte unifié »: the usernames of the active accounts with that
 * first and last name, only where the tenant enables it and only from its allowed networks.
 */
@Injectable()
export class LookupUsername {
  constructor(
    private readonly users: UsersRepository,
    private readonly limits: ClientLimits,
    private readonly audit: AuditLog,
  ) {}

  /** What the portal's lookup page offers before a search: nothing (off), the refusal, or the form. */
  availability(tenant: TenantContext, meta: RequestMeta): 'off' | 'refused' | 'open' {
    if (!tenant.settings.features.lookup) return 'off';
    return isInNetworks(meta.ip, tenant.settings.allowedNetworks) ? 'open' : 'refused';
  }

  async execute(input: {
    tenant: TenantContext;
    firstName: string;
    lastName: string;
    meta: RequestMeta;
  }): Promise<LookupResponse> {
    const { tenant, meta } = input;
    if (!tenant.settings.features.lookup) throw new ForbiddenException(LOOKUP_DISABLED);
    // Counted before the network check, so refusals cannot flood the audit log either.
    await this.limits.consume('lookup-ip', tenant, meta);
    if (!isInNetworks(meta.ip, tenant.settings.allowedNetworks)) {
      await this.audit.record({
        tenantId: tenant.id,
        action: 'username.lookup',
        actorType: 'anonymous',
        details: { outcome: 'network_refused' },
        meta,
      });
      throw new ForbiddenException(NETWORK_NOT_ALLOWED);
    }

    const first = foldName(input.firstName);
    const last = foldName(input.lastName);
    let usernames: string[] = [];
    if (last !== '') {
      // Found in SQL by the names folded close to `foldName`, checked again with it here.
      const rows = await this.users.byNameKeys(tenant.id, last, first, MAX_CANDIDATES * 2);
      usernames = rows
        .filter((r) => foldName(r.lastName) === last && foldName(r.firstName) === first)
        .map((r) => r.username)
        .slice(0, MAX_CANDIDATES);
    }
    await this.audit.record({
      tenantId: tenant.id,
      action: 'username.lookup',
      actorType: 'anonymous',
      details: { outcome: 'searched', candidates: usernames.length },
      meta,
    });
    return { usernames };
  }
}
