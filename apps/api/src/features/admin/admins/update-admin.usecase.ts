import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { AdminAccountsRepository, TenantsRepository } from '@guichet/db';
import type { AdminAccountView, Locale, UpdateAdminRequest } from '@guichet/types';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { AdminLockout, signInKey } from '../session/admin-lockout.js';
import { assertAdminPassword } from './admin-password.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import {
  ADMIN_NOT_FOUND,
  auditState,
  assertTenantsExist,
  findAdmin,
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
    private readonly admins: AdminAccountsRepository,
    private readonly tenants: TenantsRepository,
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
      const email = await this.admins.emailOf(adminId);
      if (email === null) throw new NotFoundException(ADMIN_NOT_FOUND);
      assertAdminPassword(input.password, email, locale);
      passwordHash = await this.hasher.hash(input.password);
    }
    const updated = await this.admins.transaction(async (admins, em) => {
      if (!(await admins.lock(adminId))) throw new NotFoundException(ADMIN_NOT_FOUND);
      const before = (await findAdmin(admins, adminId))!;
      const role = input.role ?? before.role;
      const tenantIds = role === 'platform-admin' ? [] : (input.tenantIds ?? before.tenantIds);
      if (role === 'tenant-admin' && tenantIds.length === 0) {
        throw new BadRequestException({
          error: 'invalid_body',
          message: 'A tenant admin needs at least one tenant.',
          fields: { tenantIds: ['a tenant admin needs at least one tenant'] },
        });
      }
      await assertTenantsExist(this.tenants.in(em), tenantIds);
      await admins.update(adminId, { role, disabled: input.disabled ?? null, passwordHash });
      await admins.setGrants(adminId, tenantIds);
      const after = (await findAdmin(admins, adminId))!;
      await this.audit.recordIn(em, {
        ...adminAudit(actor, null, 'admin.updated'),
        targetType: 'admin',
        targetId: adminId,
        before: auditState(before),
        details: { ...auditState(after), ...(passwordHash ? { passwordChanged: true } : {}) },
      });
      return after;
    });
    // The lockout lifted in the database is lifted in the attempt budget too.
    if (input.disabled === false || passwordHash)
      await this.lockout.signIn.reset(signInKey(updated.email));
    return updated;
  }
}
