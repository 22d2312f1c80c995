/** The admin API: admin accounts (platform admins only). */
import { z } from 'zod';

import { email, uuid } from './common.js';
import { type AdminRole, adminRoleSchema } from './session.js';

export const adminPasswordSchema = z.string().min(12, 'at least 12 characters').max(1024);

/** `GET admins` → `AdminAccountView[]`. */
export interface AdminAccountView {
  id: string;
  email: string;
  role: AdminRole;
  tenantIds: string[];
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

const tenantIdsSchema = z.array(uuid).max(500);
const roleAndTenants = <T extends { role?: AdminRole; tenantIds?: string[] }>(v: T) =>
  v.role !== 'tenant-admin' || v.tenantIds === undefined || v.tenantIds.length > 0;

/** `POST admins` → 201 `AdminAccountView`; 409 when the email is taken. A platform admin has no tenantIds. */
export const createAdminRequestSchema = z
  .object({
    email,
    password: adminPasswordSchema,
    role: adminRoleSchema,
    tenantIds: tenantIdsSchema.default([]),
  })
  .strict()
  .refine(roleAndTenants, {
    message: 'a tenant admin needs at least one tenant',
    path: ['tenantIds'],
  });
export type CreateAdminRequest = z.input<typeof createAdminRequestSchema>;

/**
 * `PATCH admins/:id` → `AdminAccountView`. `disabled: false` also lifts a lockout;
 * `password` sets a new one. An admin may not disable or demote itself.
 */
export const updateAdminRequestSchema = z
  .object({
    role: adminRoleSchema.optional(),
    tenantIds: tenantIdsSchema.optional(),
    disabled: z.boolean().optional(),
    password: adminPasswordSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['_'] })
  .refine(roleAndTenants, {
    message: 'a tenant admin needs at least one tenant',
    path: ['tenantIds'],
  });
export type UpdateAdminRequest = z.infer<typeof updateAdminRequestSchema>;
