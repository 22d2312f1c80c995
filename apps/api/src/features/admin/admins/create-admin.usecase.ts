import { ConflictException, Injectable } from '@nestjs/common';
import { AdminAccountsRepository, TenantsRepository } from '@guichet/db';
import type { AdminAccountView, CreateAdminRequest, Locale } from '@guichet/types';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { assertAdminPassword } from './admin-password.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { auditState, assertTenantsExist, findAdmin } from './admin-accounts.shared.js';

/** A new admin account (platform admins only). */
@Injectable()
export class CreateAdmin {
  constructor(
    private readonly admins: AdminAccountsRepository,
    private readonly tenants: TenantsRepository,
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
    return this.admins.transaction(async (admins, em) => {
      await assertTenantsExist(this.tenants.in(em), tenantIds);
      const id = await admins.create({ email: input.email, passwordHash, role: input.role });
      if (!id)
        throw new ConflictException({
          error: 'email_taken',
          message: 'An administrator already has this email.',
          fields: { email: ['already taken'] },
        });
      await admins.setGrants(id, tenantIds);
      const view = (await findAdmin(admins, id))!;
      await this.audit.recordIn(em, {
        ...adminAudit(actor, null, 'admin.created'),
        targetType: 'admin',
        targetId: id,
        details: auditState(view),
      });
      return view;
    });
  }
}
