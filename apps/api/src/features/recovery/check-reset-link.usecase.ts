import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashToken, isWellFormedToken } from '@guichet/platform';
import type { DataSource } from 'typeorm';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

export type LinkState = 'valid' | 'invalid' | 'expired' | 'used';

/** Whether an emailed link of the tenant can still be used, and if not why (what the page says). */
@Injectable()
export class CheckResetLink {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(tenant: TenantContext, token: unknown): Promise<LinkState> {
    if (!isWellFormedToken(token)) return 'invalid';
    const [row] = await this.dataSource.query<{ used: boolean; expired: boolean }[]>(
      `SELECT consumed_at IS NOT NULL AS used, (voided_at IS NOT NULL OR expires_at <= now()) AS expired
         FROM action_tokens WHERE tenant_id = $1 AND token_hash = $2`,
      [tenant.id, hashToken(token)],
    );
    if (!row) return 'invalid';
    return row.used ? 'used' : row.expired ? 'expired' : 'valid';
  }
}
