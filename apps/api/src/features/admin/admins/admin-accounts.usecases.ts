import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AdminAccountView,
  CreateAdminRequest,
  Locale,
  UpdateAdminRequest,
} from '@guichet/types';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { AdminLockout, signInKey } from '../session/admin-lockout.js';
import { assertAdminPassword } from './admin-password.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';

export const ADMIN_NOT_FOUND = { error: 'not_found', message: 'No administrator has this id.' };

const SELECT_ADMINS = `
  SELECT a.id, a.email, a.role, a.status, a.totp_secret_ciphertext IS NOT NULL AS "totpEnabled",
         a.locked_until AS "lockedUntil", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
         COALESCE(array_agg(g.tenant_id::text ORDER BY g.tenant_id) FILTER (WHERE g.tenant_id IS NOT NULL), '{}') AS "tenantIds"
    FROM admin_accounts a LEFT JOIN admin_tenant_grants g ON g.admin_id = a.id`;

type AdminRow = Omit<AdminAccountView, 'lockedUntil' | 'createdAt' | 'updatedAt'> & {
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const toView = (r: AdminRow): AdminAccountView => ({
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
const auditState = (v: AdminAccountView) => ({
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

async function assertTenantsExist(em: EntityManager, tenantIds: readonly string[]): Promise<void> {
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

async function setGrants(
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

/** A new admin account (platform admins only). */
@Injectable()
export class CreateAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: AdminActor,
    input: CreateAdminRequest & { tenantIds: string[] },
    locale: Locale = 'en',
  ): Promise<AdminAccountView> {
    assertAdminPassword(input.password, input.email, locale);
    const passwordHash = await this.hasher.hash(input.password);
    const tenantIds = input.role === 'platform-admin' ? [] : input.tenantIds;
    return this.dataSource.transaction(async (em) => {
      await assertTenantsExist(em, tenantIds);
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO admin_accounts (email, password_hash, role) VALUES (lower($1), $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [input.email, passwordHash, input.role],
      );
      if (!row)
        throw new ConflictException({
          error: 'email_taken',
          message: 'An administrator already has this email.',
          fields: { email: ['already taken'] },
        });
      await setGrants(em, row.id, tenantIds);
      const view = await findAdmin(em, row.id);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, null, 'admin.created'),
        targetType: 'admin',
        targetId: row.id,
        details: auditState(view!),
      });
      return view!;
    });
  }
}

/**
 * Role, tenants, status or password of an admin account (platform admins only). A new
 * password must pass the admin floor; it also lifts a lockout (the usual reason to set one)
 * and ends every token of that admin (its own included, when it sets its own), and the
 * audit event says it changed, never what it is.
 */
@Injectable()
export class UpdateAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly lockout: AdminLockout,
  ) {}

  async execute(
    actor: AdminActor,
    adminId: string,
    input: UpdateAdminRequest,
    locale: Locale = 'en',
  ): Promise<AdminAccountView> {
    if (
      adminId === actor.admin.id &&
      (input.disabled === true || (input.role && input.role !== actor.admin.role))
    ) {
      throw new ConflictException({
        error: 'cannot_change_self',
        message:
          'You may not disable or demote your own account: ask another platform administrator.',
      });
    }
    let passwordHash: string | null = null;
    if (input.password !== undefined) {
      const [target] = await this.dataSource.query<{ email: string }[]>(
        'SELECT email FROM admin_accounts WHERE id = $1',
        [adminId],
      );
      if (!target) throw new NotFoundException(ADMIN_NOT_FOUND);
      assertAdminPassword(input.password, target.email, locale);
      passwordHash = await this.hasher.hash(input.password);
    }
    const updated = await this.dataSource.transaction(async (em) => {
      const [locked] = await em.query<{ id: string }[]>(
        'SELECT id FROM admin_accounts WHERE id = $1 FOR UPDATE',
        [adminId],
      );
      if (!locked) throw new NotFoundException(ADMIN_NOT_FOUND);
      const before = await findAdmin(em, adminId);
      const role = input.role ?? before!.role;
      const tenantIds = role === 'platform-admin' ? [] : (input.tenantIds ?? before!.tenantIds);
      if (role === 'tenant-admin' && tenantIds.length === 0) {
        throw new BadRequestException({
          error: 'invalid_body',
          message: 'A tenant admin needs at least one tenant.',
          fields: { tenantIds: ['a tenant admin needs at least one tenant'] },
        });
      }
      await assertTenantsExist(em, tenantIds);
      await em.query(
        `UPDATE admin_accounts SET role = $2,
                status = CASE WHEN $3::boolean IS NULL THEN status WHEN $3 THEN 'disabled' ELSE 'active' END,
                locked_until = CASE WHEN $3 = false OR $4::text IS NOT NULL THEN NULL ELSE locked_until END,
                failed_logins = CASE WHEN $3 = false OR $4::text IS NOT NULL THEN 0 ELSE failed_logins END,
                password_hash = COALESCE($4, password_hash),
                token_version = CASE WHEN $4::text IS NOT NULL THEN token_version + 1 ELSE token_version END,
                updated_at = now()
          WHERE id = $1`,
        [adminId, role, input.disabled ?? null, passwordHash],
      );
      await setGrants(em, adminId, tenantIds);
      const after = await findAdmin(em, adminId);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, null, 'admin.updated'),
        targetType: 'admin',
        targetId: adminId,
        before: auditState(before!),
        details: { ...auditState(after!), ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after!;
    });
    // The lockout lifted in the database is lifted in the attempt budget too.
    if (input.disabled === false || passwordHash)
      await this.lockout.signIn.reset(signInKey(updated.email));
    return updated;
  }
}
