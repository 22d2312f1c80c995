import { Injectable, UnauthorizedException } from '@nestjs/common';
import { type SignInAccount, UsersRepository } from '@guichet/db';
import { normalizePassword, normalizeUsername } from '@guichet/rules';
import type { ApiError, LoginResponse, Remember, UserView } from '@guichet/types';
import { AuditLog, auditRecord } from '../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../platform/crypto/password-hasher.js';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import { ClientLimits } from '../../platform/security/client-limits.js';
import {
  type AttemptBudget,
  RateLimits,
  type Reservation,
} from '../../platform/security/rate-limits.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { AccessTokens } from './access-tokens.js';
import { type IssuedSession, Sessions } from './sessions.js';
import { type FailureReason, signInFailure } from './sign-in-failure.js';

/** The one reply of every failed sign-in: unknown, wrong password, locked, disabled, not enrolled. */
export const INVALID_CREDENTIALS: ApiError = {
  error: 'invalid_credentials',
  message: 'Incorrect username or password.',
};

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

/**
 * Password sign-in. Every path does the same argon2id work (an unknown account, and an
 * attempt refused by the lock, is verified against a dummy hash) and fails with the same
 * 401. Each attempt reserves one of the account's (known or not) attempts in Redis before
 * its password is checked, and a success gives it back; wrong passwords also count per
 * client address, and per known account in the database. At the tenant's number of
 * failures the account is locked for its lock time, however many attempts run in parallel.
 */
@Injectable()
export class SignIn {
  constructor(
    private readonly users: UsersRepository,
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

    // The attempt is counted before the password is checked: of a burst, only the first
    // `maxFailures` are checked; the others verify against the dummy hash (same work, same reply).
    const [account, reservation] = await Promise.all([
      this.users.forSignIn(tenant.id, username),
      lockout.reserve(accountKey),
    ]);
    const locked =
      !reservation.granted ||
      (account?.lockedUntil != null && account.lockedUntil.getTime() > Date.now());
    const valid = await this.hasher.verify(
      locked ? null : (account?.passwordHash ?? null),
      password,
    );

    const reason = signInFailure(account, locked, valid);
    if (!account || reason) {
      // A right password on a disabled account gives its attempt back; a refused attempt keeps it (its answer was never checked).
      if (valid) await lockout.refund(accountKey);
      await this.recordFailure(
        input,
        account,
        reason ?? 'unknown_account',
        valid,
        accountKey,
        reservation,
        lockout,
      );
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }

    if (this.hasher.needsRehash(account.passwordHash!)) {
      const rehashed = await this.hasher.hash(password);
      await this.users.rehash(tenant.id, account.id, rehashed, account.passwordHash!);
    }
    // One statement: the account's failures forgotten, the session stored, the sign-in audited.
    const [session] = await Promise.all([
      this.sessions.start(
        tenant,
        account.id,
        input.remember === 'all',
        meta,
        auditRecord({
          action: 'auth.login.succeeded',
          actorType: 'user',
          actorId: account.id,
          targetType: 'user',
          targetId: account.id,
          details: { remember: input.remember },
          meta,
        }),
      ),
      lockout.reset(accountKey),
    ]);
    const { accessToken, expiresIn } = await this.tokens.issue(tenant, account, session.familyId);
    const user: UserView = {
      id: account.id,
      username: account.username,
      firstName: account.firstName,
      lastName: account.lastName,
      email: account.email,
    };
    return {
      response: { accessToken, tokenType: 'Bearer', expiresIn, user },
      session,
      username: account.username,
    };
  }

  private async recordFailure(
    input: SignInInput,
    account: SignInAccount | null,
    reason: FailureReason,
    passwordValid: boolean,
    accountKey: string,
    reservation: Reservation,
    lockout: AttemptBudget,
  ): Promise<void> {
    const { tenant, meta } = input;
    const target = account ? { targetType: 'user', targetId: account.id } : {};
    if (!passwordValid) {
      // A wrong password counts, and so does an attempt refused by the lock (its password is never
      // checked); a right one on a disabled account does not.
      const [lockedNow] = await Promise.all([
        lockout.failed(accountKey, reservation),
        this.clientLimits.countFailure('login-ip', tenant, meta),
      ]);
      if (account) {
        await this.users.recordFailure(
          tenant.id,
          account.id,
          lockedNow ? tenant.settings.lockout.lockMinutes : null,
        );
      }
      if (lockedNow) {
        await this.audit.record({
          tenantId: tenant.id,
          action: 'auth.account.locked',
          actorType: 'system',
          ...target,
          details: {
            failures: reservation.rank,
            lockMinutes: tenant.settings.lockout.lockMinutes,
            knownAccount: account !== null,
          },
          meta,
        });
      }
    }
    await this.audit.record({
      tenantId: tenant.id,
      action: 'auth.login.failed',
      actorType: 'anonymous',
      ...target,
      details: { reason },
      meta,
    });
  }
}
