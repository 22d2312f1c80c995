import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { AdminAccount, AdminTenantGrant } from '@guichet/db';
import type { AdminLoginRequest, AdminLoginResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AppConfig, CONFIG } from '../config/config.js';
import { PasswordHasher } from '../crypto/password-hasher.js';
import { ADMIN_AUDIENCE, ADMIN_TOKEN_SECONDS } from './admin-tokens.js';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const FAILURE = { error: 'invalid_credentials', message: 'Incorrect email or password.' };

@Injectable()
export class AdminLogin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(input: AdminLoginRequest): Promise<AdminLoginResponse> {
    const accounts = this.dataSource.getRepository(AdminAccount);
    const admin = await accounts.findOneBy({ email: input.email.toLowerCase() });
    // Same argon2 work whether or not the account exists.
    const valid = await this.hasher.verify(admin?.passwordHash ?? null, input.password);
    const locked = admin?.lockedUntil != null && admin.lockedUntil > new Date();
    if (!admin || !valid || locked || admin.status !== 'active') {
      if (admin && !valid) {
        const failures = admin.failedLogins + 1;
        await accounts.update(
          { id: admin.id },
          failures >= MAX_FAILURES
            ? { failedLogins: 0, lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000) }
            : { failedLogins: failures },
        );
      }
      throw new UnauthorizedException(FAILURE);
    }
    if (admin.failedLogins) await accounts.update({ id: admin.id }, { failedLogins: 0, lockedUntil: null });
    const grants = await this.dataSource.getRepository(AdminTenantGrant).findBy({ adminId: admin.id });
    const view = { id: admin.id, email: admin.email, role: admin.role, tenantIds: grants.map((g) => g.tenantId) };
    const accessToken = await this.jwt.signAsync(
      { email: view.email, role: view.role, tenants: view.tenantIds },
      { subject: admin.id, audience: ADMIN_AUDIENCE, issuer: `${this.config.PUBLIC_URL_SCHEME}://${this.config.adminHost}`, expiresIn: ADMIN_TOKEN_SECONDS },
    );
    return { accessToken, expiresIn: ADMIN_TOKEN_SECONDS, admin: view };
  }
}
