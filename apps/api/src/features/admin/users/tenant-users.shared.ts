import { NotFoundException } from '@nestjs/common';
import {
  type AdminUserRow,
  type Queryable,
  type TenantId,
  TenantsRepository,
  UsersRepository,
} from '@guichet/db';
import type { AdminUserView } from '@guichet/types';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';

export const USER_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no account with this id.',
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const toView = (r: AdminUserRow): AdminUserView => ({
  ...r,
  lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil.toISOString() : null,
  lastLoginAt: iso(r.lastLoginAt),
  passwordChangedAt: iso(r.passwordChangedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** What the audit log keeps of an account's state. */
export const auditState = (v: AdminUserView) => ({ status: v.status, lockedUntil: v.lockedUntil });

export async function findUser(
  db: Queryable,
  tenantId: TenantId,
  userId: string,
  lock = false,
): Promise<AdminUserView | null> {
  const row = await new UsersRepository(db).adminView(tenantId, userId, lock);
  return row ? toView(row) : null;
}

export type UserAction = 'disable' | 'enable' | 'unlock';
/** The tenant as a portal request would see it (for the use cases shared with the portal). */
export async function loadTenantContext(db: Queryable, tenantId: TenantId): Promise<TenantContext> {
  const row = await new TenantsRepository(db).byId(tenantId);
  if (!row) throw new NotFoundException({ error: 'not_found', message: 'No tenant has this id.' });
  return row;
}
