import { BadRequestException } from '@nestjs/common';
import type { AdminAccountView } from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';

export const ADMIN_NOT_FOUND = { error: 'not_found', message: 'No administrator has this id.' };

export const SELECT_ADMINS = `
  SELECT a.id, a.email, a.role, a.status, a.totp_secret_ciphertext IS NOT NULL AS "totpEnabled",
         a.locked_until AS "lockedUntil", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         COALESCE(array_agg(g.tenant_id::text ORDER BY g.tenant_id) FILTER (WHERE g.tenant_id IS NOT NULL), '{}') AS "tenantIds"
    FROM admin_accounts a LEFT JOIN admin_tenant_grants g ON g.admin_id = a.id`;

export type AdminRow = Omit<AdminAccountView, 'lockedUntil' | 'createdAt' | 'updatedAt'> & {
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export const toView = (r: AdminRow): AdminAccountView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  tenantIds: r.tenantIds,
  status: r.status,
  totpEnabled: r.totpEnabled,
  lockedUntil: r.lockedUntil && r.lockedUntil > new Date() ? r.lockedUntil.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** What the audit log keeps of an admin account (never its hash or secret). */
export const auditState = (v: AdminAccountView) => ({
  email: v.email,
  role: v.role,
  tenantIds: v.tenantIds,
  status: v.status,
});

export async function listAdmins(db: DataSource | EntityManager): Promise<AdminAccountView[]> {
  const rows = await db.query<AdminRow[]>(`${SELECT_ADMINS} GROUP BY a.id ORDER BY a.email`);
  return rows.map(toView);
}

/** One admin account, or undefined; never falls back to the whole list. */
export async function findAdmin(
  db: DataSource | EntityManager,
  id: string,
): Promise<AdminAccountView | undefined> {
  const rows = await db.query<AdminRow[]>(`${SELECT_ADMINS} WHERE a.id = $1 GROUP BY a.id`, [id]);
  return rows.map(toView)[0];
}

export async function assertTenantsExist(
  em: EntityManager,
  tenantIds: readonly string[],
): Promise<void> {
  if (!tenantIds.length) return;
  const rows = await em.query<{ id: string }[]>(
    'SELECT id FROM tenants WHERE id = ANY($1::uuid[])',
    [tenantIds],
  );
  const missing = tenantIds.filter((t) => !rows.some((r) => r.id === t));
  if (missing.length)
    throw new BadRequestException({
      error: 'invalid_body',
      message: 'Some tenants do not exist.',
      fields: { tenantIds: [`unknown tenant(s): ${missing.join(', ')}`] },
    });
}

export async function setGrants(
  em: EntityManager,
  adminId: string,
  tenantIds: readonly string[],
): Promise<void> {
  await em.query('DELETE FROM admin_tenant_grants WHERE admin_id = $1', [adminId]);
  if (tenantIds.length) {
    await em.query(
      'INSERT INTO admin_tenant_grants (admin_id, tenant_id) SELECT $1, unnest($2::uuid[])',
      [adminId, [...new Set(tenantIds)]],
    );
  }
}
