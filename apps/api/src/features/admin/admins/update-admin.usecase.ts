import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminAccountView, Locale, UpdateAdminRequest } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { AdminLockout, signInKey } from '../session/admin-lockout.js';
import { assertAdminPassword } from './admin-password.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import {
  ADMIN_NOT_FOUND,
  auditState,
  findAdmin,
  assertTenantsExist,
  setGrants,
} from './admin-accounts.shared.js';

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
