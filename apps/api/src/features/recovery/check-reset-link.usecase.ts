import { Injectable } from '@nestjs/common';
import { ActionTokensRepository, type LinkState } from '@guichet/db';
import { hashToken, isWellFormedToken } from '@guichet/platform';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

export type { LinkState };

/** Whether an emailed link of the tenant can still be used, and if not why (what the page says). */
@Injectable()
export class CheckResetLink {
  constructor(private readonly tokens: ActionTokensRepository) {}

  execute(tenant: TenantContext, token: unknown): Promise<LinkState> {
    if (!isWellFormedToken(token)) return Promise.resolve('invalid');
    return this.tokens.state(tenant.id, hashToken(token));
  }
}
