import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimUsersRepository } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { DisableAccount } from '../admin/users/disable-account.usecase.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { isUserId, scimAudit, type ScimRequest, userNotFound } from './scim-user-fields.js';

/**
 * DELETE /Users/:id: the leaver's account is disabled (DisableAccount: sessions, links and
 * OpenID grants ended), never deleted — its history stays, and a later GET shows it with
 * `active: false`, so that a rehire found by Entra's `userName eq` query is enabled again
 * by a PATCH rather than refused as a duplicate by a POST.
 */
@Injectable()
export class DeleteScimUser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly disableAccount: DisableAccount,
    private readonly audit: AuditLog,
  ) {}

  async execute(request: ScimRequest, id: string): Promise<void> {
    const { tenant } = request;
    if (!isUserId(id)) throw userNotFound();
    const logouts = await this.dataSource.transaction(async (em) => {
      const user = await new ScimUsersRepository(em).get(tenant.id, id, true);
      if (!user) throw userNotFound();
      if (user.status !== 'active') return [];
      const ended = await this.disableAccount.execute(tenant.id, id, em);
      await this.audit.recordIn(
        em,
        scimAudit(request, id, 'user.disabled', {
          before: { status: 'active' },
          details: { status: 'disabled', source: 'scim', request: 'DELETE' },
        }),
      );
      return ended;
    });
    await this.disableAccount.notify(tenant.id, logouts, [id]);
  }
}
