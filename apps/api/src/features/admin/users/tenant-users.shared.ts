import { NotFoundException } from '@nestjs/common';
import type { AdminUserView } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import type { TenantContext } from '../../../platform/tenancy/tenant-context.js';
import { foldedSql } from './account.queries.js';

export const USER_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no account with this id.',
};

export const COLUMNS = `id, username, first_name AS "firstName", last_name AS "lastName", email, external_id AS "externalId", status,
  password_hash IS NOT NULL AS enrolled, locked_until AS "lockedUntil", last_login_at AS "lastLoginAt",
  password_changed_at AS "passwordChangedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export type UserRow = Omit<
  AdminUserView,
  'lockedUntil' | 'lastLoginAt' | 'passwordChangedAt' | 'createdAt' | 'updatedAt'
> & {
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toView = (r: UserRow): AdminUserView => ({
  ...r,
  lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil.toISOString() : null,
  lastLoginAt: iso(r.lastLoginAt),
  passwordChangedAt: iso(r.passwordChangedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** What the audit log keeps of an account's state. */
export const auditState = (v: AdminUserView) => ({ status: v.status, lockedUntil: v.lockedUntil });

/** What a search looks in: username, « first last », « last first », email and external id, folded. */
export const SEARCHABLE = foldedSql(
  `concat_ws(chr(10), username, first_name || ' ' || last_name, last_name || ' ' || first_name, email, external_id)`,
);

export async function findUser(
  db: DataSource | EntityManager,
  tenantId: string,
  userId: string,
  lock = false,
): Promise<AdminUserView | null> {
  const [row] = await db.query<UserRow[]>(
    `SELECT ${COLUMNS} FROM users WHERE tenant_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
    [tenantId, userId],
  );
  return row ? toView(row) : null;
}

export type UserAction = 'disable' | 'enable' | 'unlock';

export const AUDIT_ACTION: Record<UserAction, string> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
};

/** The tenant as a portal request would see it (for the use cases shared with the portal). */
export async function loadTenantContext(db: DataSource, tenantId: string): Promise<TenantContext> {
  const [row] = await db.query<(Omit<TenantContext, 'publicUrl'> & { publicUrl: string })[]>(
    `SELECT t.id, t.slug, t.name, t.public_url AS "publicUrl", t.status, s.settings, s.version
       FROM tenants t JOIN tenant_settings s ON s.tenant_id = t.id WHERE t.id = $1`,
    [tenantId],
  );
  if (!row) throw new NotFoundException({ error: 'not_found', message: 'No tenant has this id.' });
  return row;
}
