import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimUsersRepository } from '@guichet/db';
import type { DataSource } from 'typeorm';
import type { PendingLogout } from '@guichet/db';
import { DisableAccount } from '../admin/users/disable-account.usecase.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import type { ScimUserState } from './scim-schemas.js';
import {
  fieldsOf,
  isUniqueViolation,
  isUserId,
  scimAudit,
  type ScimRequest,
  uniqueness,
  userNotFound,
} from './scim-user-fields.js';
import { scimBaseUrl, stateOf, toScimUser } from './scim-user-view.js';

/**
 * PUT and PATCH /Users/:id: movers (username, names, address, externalId) and leavers
 * (`active` false: DisableAccount) or rehires (`active` true). `change` turns the account's
 * current state into the one asked for (a PUT's resource, a PATCH's operations). A new
 * address voids pending links and ends sessions, as a CSV import does. Audited with the
 * token's name as the actor.
 */
@Injectable()
export class UpdateScimUser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly disableAccount: DisableAccount,
  ) {}

  async execute(
    request: ScimRequest,
    id: string,
    change: (current: ScimUserState) => ScimUserState,
  ) {
    const { tenant } = request;
    if (!isUserId(id)) throw userNotFound();
    let logouts: PendingLogout[] = [];
    try {
      const user = await this.dataSource.transaction(async (em) => {
        const users = new ScimUsersRepository(em);
        const before = await users.get(tenant.id, id, true);
        if (!before) throw userNotFound();
        const wanted = change(stateOf(before));
        const fields = fieldsOf(wanted, tenant.settings.usernameRule);
        const taken = await users.conflicts(tenant.id, fields, id);
        if (taken.length) throw uniqueness(taken);
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => {
          const previous = {
            username: before.username,
            firstName: before.firstName,
            lastName: before.lastName,
            email: before.email,
            externalId: before.externalId,
          };
          return fields[k] !== previous[k];
        });
        if (changed.length) {
          await users.update(tenant.id, id, fields);
          if (fields.email !== before.email) await users.addressChanged(tenant.id, id);
          const pick = (source: Record<string, unknown>) =>
            Object.fromEntries(changed.map((k) => [k, source[k]]));
          await this.audit.recordIn(
            em,
            scimAudit(request, id, 'user.updated', {
              before: pick({ ...before }),
              details: { ...pick({ ...fields }), source: 'scim' },
            }),
          );
        }
        const wasActive = before.status === 'active';
        if (wasActive && !wanted.active) {
          logouts = await this.disableAccount.execute(tenant.id, id, em);
          await this.audit.recordIn(
            em,
            scimAudit(request, id, 'user.disabled', {
              before: { status: 'active' },
              details: { status: 'disabled', source: 'scim' },
            }),
          );
        } else if (!wasActive && wanted.active && (await users.enable(tenant.id, id))) {
          await this.audit.recordIn(
            em,
            scimAudit(request, id, 'user.enabled', {
              before: { status: 'disabled' },
              details: { status: 'active', source: 'scim' },
            }),
          );
        }
        return (await users.get(tenant.id, id))!;
      });
      await this.disableAccount.notify(tenant.id, logouts, [id]);
      return toScimUser(user, scimBaseUrl(tenant.publicUrl));
    } catch (error) {
      if (isUniqueViolation(error)) throw uniqueness(['userName or externalId']);
      throw error;
    }
  }
}
