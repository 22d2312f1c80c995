import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimUsersRepository } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { DisableAccount } from '../accounts/disable-account.usecase.js';
import { isUserId, type ScimRequest, userNotFound } from './scim-user-fields.js';

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
  ) {}

  async execute(request: ScimRequest, id: string): Promise<void> {
    const { tenant, client, meta } = request;
    const user = isUserId(id)
      ? await new ScimUsersRepository(this.dataSource).get(tenant.id, id)
      : null;
    if (!user) throw userNotFound();
    await this.disableAccount.execute(tenant.id, [id], {
      actor: { type: 'scim', id: client.name },
      source: 'scim',
      meta,
    });
  }
}
