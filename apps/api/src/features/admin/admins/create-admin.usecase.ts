import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminAccountView, CreateAdminRequest, Locale } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../../platform/crypto/password-hasher.js';
import { assertAdminPassword } from './admin-password.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { auditState, findAdmin, assertTenantsExist, setGrants } from './admin-accounts.shared.js';

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
