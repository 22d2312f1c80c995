import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.js';
import type { RequestMeta } from '../request/request-meta.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import type { RateLimitName } from './rate-limit-policy.js';
import { RateLimits } from './rate-limits.js';

/**
 * Per-address limits of the portal endpoints and of admin sign-in, audited when an address
 * goes over one (in the tenant's log, or the platform's when `tenant` is null: the admin host).
 */
@Injectable()
export class ClientLimits {
  constructor(
    private readonly limits: RateLimits,
    private readonly audit: AuditLog,
  ) {}

  /** Counts this request; 429 with Retry-After over the limit. */
  consume(name: RateLimitName, tenant: TenantContext | null, meta: RequestMeta): Promise<void> {
    return this.limits.consume(name, clientKey(meta), () => this.limitReached(name, tenant, meta));
  }

  /** 429 with Retry-After if the address is over the limit; counts nothing. */
  assertUnder(name: RateLimitName, meta: RequestMeta): Promise<void> {
    return this.limits.assertUnder(name, clientKey(meta));
  }

  /** Counts a failure (wrong password, invalid token); audits when it reaches the limit. */
  async countFailure(
    name: RateLimitName,
    tenant: TenantContext | null,
    meta: RequestMeta,
  ): Promise<void> {
    const { reachedLimit } = await this.limits.countFailure(name, clientKey(meta));
    if (reachedLimit) await this.limitReached(name, tenant, meta);
  }

  private limitReached(
    name: RateLimitName,
    tenant: TenantContext | null,
    meta: RequestMeta,
  ): Promise<void> {
    return this.audit.record({
      tenantId: tenant?.id ?? null,
      action: 'security.rate_limited',
      actorType: 'anonymous',
      details: { limit: name },
      meta,
    });
  }
}

/** Limits are per client address, across tenants (an attacker does not get a budget per portal). */
export const clientKey = (meta: Pick<RequestMeta, 'ip'>): string => meta.ip ?? 'unknown';
