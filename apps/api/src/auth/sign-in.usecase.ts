import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizePassword, normalizeUsername } from '@guichet/rules';
import type { ApiError, LoginResponse, Remember, UserView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { PasswordHasher } from '../crypto/password-hasher.js';
import type { RequestMeta } from '../request/request-meta.js';
import { ClientLimits } from '../security/client-limits.js';
import { RateLimits } from '../security/rate-limits.js';
import type { TenantContext } from '../tenancy/tenant-context.js';
import { AccessTokens } from './access-tokens.js';
import { type IssuedSession, Sessions } from './sessions.js';

/** The one reply of every failed sign-in: unknown, wrong password, locked, disabled, not enrolled. */
export const INVALID_CREDENTIALS: ApiError = { error: 'invalid_credentials', message: 'Incorrect username or password.' };

export interface SignInInput {
  tenant: TenantContext;
  username: string;
  password: string;
  remember: Remember;
  meta: RequestMeta;
}

export interface SignedIn {
  response: LoginResponse;
  session: IssuedSession;
  username: string;
}

interface Account extends UserView {
  passwordHash: string | null;
  status: 'active' | 'disabled';
  lockedUntil: Date | null;
}

type FailureReason = 'unknown_account' | 'wrong_password' | 'not_enrolled' | 'account_locked' | 'account_disabled';

/**
 * Password sign-in. Every path does the same argon2id work (an unknown account is
 * verified against a dummy hash) and fails with the same 401. Wrong passwords count per
 * client address and per account (known or not) in Redis, and per known account in the
 * database; at the tenant's number of failures the account is locked for its lock time.
 */
@Injectable()
export class SignIn {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly tokens: AccessTokens,
    private readonly clientLimits: ClientLimits,
    private readonly rateLimits: RateLimits,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: SignInInput): Promise<SignedIn> {
    const { tenant, meta } = input;
    // An address over its limit is refused before any hashing.
    await this.clientLimits.assertUnder('login-ip', meta);

    const username = normalizeUsername(input.username);
    const password = normalizePassword(input.password);
    const { maxFailures, lockMinutes } = tenant.settings.lockout;
    const lockout = this.rateLimits.accountFailures(maxFailures, lockMinutes);
    const accountKey = `${tenant.id}:${username}`;

    const [account, failures] = await Promise.all([this.findAccount(tenant.id, username), lockout.state(accountKey)]);
    const valid = await this.hasher.verify(account?.passwordHash ?? null, password);
    const locked = (failures?.consumed ?? 0) >= maxFailures || (account?.lockedUntil != null && account.lockedUntil.getTime() > Date.now());

    if (!account || !valid || locked || account.status !== 'active') {
      const reason: FailureReason = !account
        ? 'unknown_account'
        : !account.passwordHash
          ? 'not_enrolled'
          : !valid
            ? 'wrong_password'
            : account.status !== 'active'
              ? 'account_disabled'
              : 'account_locked';
      await this.recordFailure(input, account, reason, valid, accountKey, lockout);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }

    if (this.hasher.needsRehash(account.passwordHash!)) {
      const rehashed = await this.hasher.hash(password);
      await this.dataSource.query(`UPDATE users SET password_hash = $3 WHERE id = $1 AND tenant_id = $2 AND password_hash = $4`, [
        account.id,
        tenant.id,
        rehashed,
        account.passwordHash,
      ]);
    }
    await this.dataSource.query(`UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1 AND tenant_id = $2`, [account.id, tenant.id]);
    if (failures) await lockout.reset(accountKey);

    const session = await this.sessions.start(this.dataSource, tenant, account.id, input.remember === 'all', meta);
    const { accessToken, expiresIn } = await this.tokens.issue(tenant, account, session.familyId);
    await this.audit.record({
      tenantId: tenant.id,
      action: 'auth.login.succeeded',
      actorType: 'user',
      actorId: account.id,
      targetType: 'user',
      targetId: account.id,
      details: { remember: input.remember },
      meta,
    });
    const user: UserView = { id: account.id, username: account.username, firstName: account.firstName, lastName: account.lastName, email: account.email };
    return { response: { accessToken, tokenType: 'Bearer', expiresIn, user }, session, username: account.username };
  }

  private async findAccount(tenantId: string, username: string): Promise<Account | null> {
    const [row] = await this.dataSource.query<Account[]>(
      `SELECT id, username, first_name AS "firstName", last_name AS "lastName", email, password_hash AS "passwordHash", status, locked_until AS "lockedUntil"
         FROM users WHERE tenant_id = $1 AND username = $2`,
      [tenantId, username],
    );
    return row ?? null;
  }

  private async recordFailure(
    input: SignInInput,
    account: Account | null,
    reason: FailureReason,
    passwordValid: boolean,
    accountKey: string,
    lockout: ReturnType<RateLimits['accountFailures']>,
  ): Promise<void> {
    const { tenant, meta } = input;
    const target = account ? { targetType: 'user', targetId: account.id } : {};
    if (!passwordValid) {
      // A wrong password counts, whatever else is wrong; a right one on a locked or disabled account does not.
      const [counted] = await Promise.all([lockout.countFailure(accountKey), this.clientLimits.countFailure('login-ip', tenant, meta)]);
      if (account) {
        await this.dataSource.query(
          `UPDATE users SET failed_logins = failed_logins + 1,
                  locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
            WHERE id = $1 AND tenant_id = $2`,
          [account.id, tenant.id, counted.reachedLimit, tenant.settings.lockout.lockMinutes],
        );
      }
      if (counted.reachedLimit) {
        await this.audit.record({
          tenantId: tenant.id,
          action: 'auth.account.locked',
          actorType: 'system',
          ...target,
          details: { failures: counted.consumed, lockMinutes: tenant.settings.lockout.lockMinutes, knownAccount: account !== null },
          meta,
        });
      }
    }
    await this.audit.record({ tenantId: tenant.id, action: 'auth.login.failed', actorType: 'anonymous', ...target, details: { reason }, meta });
  }
}
