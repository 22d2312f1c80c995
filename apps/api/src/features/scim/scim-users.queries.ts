import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimUsersRepository } from '@guichet/db';
import type { DataSource } from 'typeorm';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { MAX_PAGE } from './scim-discovery.js';
import { invalidValue } from './scim-error.js';
import { parseUserFilter } from './scim-filter.js';
import { isUserId, userNotFound } from './scim-user-fields.js';
import { listResponse, scimBaseUrl, toScimUser } from './scim-user-view.js';

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d{1,9}$/.test(value.trim())) throw invalidValue(`${name} must be an integer.`);
  return Number(value);
}

/** The tenant's accounts as SCIM reads them: GET /Users and GET /Users/:id. */
@Injectable()
export class ScimUsers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** GET /Users: filtered (userName, externalId, emails.value eq), a page at a time (startIndex is 1-based). */
  async list(
    tenant: TenantContext,
    query: { filter?: string; startIndex?: string; count?: string },
  ) {
    const filter = parseUserFilter(query.filter);
    // RFC 7644 §3.4.2.4: a startIndex below 1 is 1, a negative count is 0.
    const startIndex = Math.max(1, positiveInteger(query.startIndex, 'startIndex', 1));
    const count = Math.min(MAX_PAGE, Math.max(0, positiveInteger(query.count, 'count', 100)));
    const page = await new ScimUsersRepository(this.dataSource).page(
      tenant.id,
      filter,
      startIndex - 1,
      count,
    );
    const base = scimBaseUrl(tenant.publicUrl);
    return listResponse(
      page.total,
      startIndex,
      page.rows.map((u) => toScimUser(u, base)),
    );
  }

  /** GET /Users/:id */
  async get(tenant: TenantContext, id: string) {
    const user = isUserId(id)
      ? await new ScimUsersRepository(this.dataSource).get(tenant.id, id)
      : null;
    if (!user) throw userNotFound();
    return toScimUser(user, scimBaseUrl(tenant.publicUrl));
  }
}
