import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimUsersRepository } from '@guichet/db';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../platform/audit/audit-log.js';
import {
  fieldsOf,
  isUniqueViolation,
  scimAudit,
  type ScimRequest,
  uniqueness,
} from './scim-user-fields.js';
import type { ScimUserState } from './scim-schemas.js';
import { scimBaseUrl, toScimUser } from './scim-user-view.js';

/** POST /Users: a joiner. 409 uniqueness when the username or externalId is taken (a disabled account's too). */
@Injectable()
export class CreateScimUser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async execute(request: ScimRequest, state: ScimUserState) {
    const { tenant } = request;
    const fields = fieldsOf(state, tenant.settings.usernameRule);
    try {
      const user = await this.dataSource.transaction(async (em) => {
        const users = new ScimUsersRepository(em);
        const taken = await users.conflicts(tenant.id, fields, null);
        if (taken.length) throw uniqueness(taken);
        const created = await users.insert(tenant.id, fields, state.active ? 'active' : 'disabled');
        await this.audit.recordIn(
          em,
          scimAudit(request, created.id, 'user.created', {
            details: { source: 'scim', username: created.username, status: created.status },
          }),
        );
        return created;
      });
      return toScimUser(user, scimBaseUrl(tenant.publicUrl));
    } catch (error) {
      if (isUniqueViolation(error)) throw uniqueness(['userName or externalId']);
      throw error;
    }
  }
}
