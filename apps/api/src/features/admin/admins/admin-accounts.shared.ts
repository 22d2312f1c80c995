import { BadRequestException } from '@nestjs/common';
import type { AdminAccountsRepository, AdminRow, TenantsRepository } from '@guichet/db';
import type { AdminAccountView } from '@guichet/types';

export const ADMIN_NOT_FOUND = { error: 'not_found', message: 'No administrator has this id.' };

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

export async function listAdmins(admins: AdminAccountsRepository): Promise<AdminAccountView[]> {
  return (await admins.list()).map(toView);
}

/** One admin account, or undefined; never falls back to the whole list. */
export async function findAdmin(
  admins: AdminAccountsRepository,
  id: string,
): Promise<AdminAccountView | undefined> {
  const row = await admins.find(id);
  return row ? toView(row) : undefined;
}

export async function assertTenantsExist(
  tenants: TenantsRepository,
  tenantIds: readonly string[],
): Promise<void> {
  if (!tenantIds.length) return;
  const existing: readonly string[] = await tenants.existing(tenantIds);
  const missing = tenantIds.filter((t) => !existing.includes(t));
  if (missing.length)
    throw new BadRequestException({
      error: 'invalid_body',
      message: 'Some tenants do not exist.',
      fields: { tenantIds: [`unknown tenant(s): ${missing.join(', ')}`] },
    });
}
