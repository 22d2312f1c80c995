import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TokenPurpose } from '@guichet/db';
import { hashToken, isWellFormedToken } from '@guichet/platform';
import {
  applyFloor,
  evaluatePassword,
  normalizePassword,
  violationMessage,
  type Violation,
} from '@guichet/rules';
import type { ApiError, EmailJobData, Locale } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { PasswordHasher } from '../crypto/password-hasher.js';
import { BackchannelLogouts } from '../oidc/backchannel-logouts.js';
import { endOidcGrantsOf, type PendingLogout } from '../oidc/oidc-revocation.js';
import { SessionLiveness } from '../auth/session-liveness.js';
import { AccountEmails } from '../outbox/account-emails.js';
import { EmailOutbox } from '../outbox/email-outbox.js';
import type { RequestMeta } from '../request/request-meta.js';
import { RateLimits } from '../security/rate-limits.js';
import type { TenantContext } from '../tenancy/tenant-context.js';

/** The one reply for a token that is malformed, unknown, expired, voided, used, or of another tenant. */
export const INVALID_TOKEN: ApiError = {
  error: 'invalid_token',
  message: 'This link is invalid, has expired or was already used. Request a new one.',
};
export class InvalidTokenException extends BadRequestException {
  constructor() {
    super(INVALID_TOKEN);
  }
}

export class PasswordPolicyException extends BadRequestException {
  constructor(violations: readonly Violation[], locale: Locale) {
    super({
      error: 'password_policy',
      message: 'The password does not meet the password rules of this portal.',
      violations: violations.map((v) => ({ code: v.code, message: violationMessage(v, locale) })),
    } satisfies ApiError);
  }
}

/** Previous hashes kept per account (the policy may ask for up to 24). */
const HISTORY_KEPT = 24;

interface TokenAccount {
  userId: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  passwordHash: string | null;
  passwordHistory: string[];
}

export interface ResetPasswordInput {
  tenant: TenantContext;
  token: unknown;
  password: string;
  locale: Locale;
  meta: RequestMeta;
}

/**
 * Sets a password through an emailed link (reset or enrolment). The policy is checked
 * first (a refused password leaves the token usable); then, in one transaction, the token
 * is consumed by one conditional UPDATE … RETURNING (of concurrent requests exactly one
 * wins), the hash is set, every session of the account is revoked, its other tokens are
 * voided and the "password changed" notice is written to the outbox.
 */
@Injectable()
export class ResetPassword {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly emails: AccountEmails,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
    private readonly rateLimits: RateLimits,
    private readonly logouts: BackchannelLogouts,
    private readonly liveness: SessionLiveness,
  ) {}

  async execute(input: ResetPasswordInput): Promise<void> {
    const { tenant } = input;
    // Never let a non-string (or a string we did not issue) near a query.
    if (!isWellFormedToken(input.token)) throw new InvalidTokenException();
    const tokenHash = hashToken(input.token);
    const account = await this.findAccount(tenant.id, tokenHash);
    if (!account) throw new InvalidTokenException();

    const policy = applyFloor(tenant.settings.passwordPolicy);
    const password = normalizePassword(input.password);
    let evaluation = evaluatePassword(policy, password, { username: account.username });
    if (evaluation.ok && policy.historyCount > 0) {
      const recent = [account.passwordHash, ...account.passwordHistory]
        .filter((h): h is string => !!h)
        .slice(0, policy.historyCount);
      let reused = false;
      for (const hash of recent)
        if (!reused && (await this.hasher.verify(hash, password))) reused = true;
      evaluation = evaluatePassword(policy, password, { username: account.username, reused });
    }
    if (!evaluation.ok) throw new PasswordPolicyException(evaluation.violations, input.locale);

    const newHash = await this.hasher.hash(password);
    const jobs: EmailJobData[] = [];
    let logouts: PendingLogout[] = [];
    await this.dataSource.transaction(async (em) => {
      const [consumed] = await em.query<{ id: string; userId: string; purpose: TokenPurpose }[]>(
        `WITH consumed AS (
           UPDATE action_tokens SET consumed_at = now()
            WHERE tenant_id = $1 AND token_hash = $2 AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > now()
           RETURNING id, user_id, purpose)
         SELECT id, user_id AS "userId", purpose FROM consumed`,
        [tenant.id, tokenHash],
      );
      if (!consumed || consumed.userId !== account.userId) throw new InvalidTokenException();

      const history = [account.passwordHash, ...account.passwordHistory]
        .filter((h): h is string => !!h)
        .slice(0, HISTORY_KEPT);
      const [updated] = await em.query<[{ id: string }[], number]>(
        `UPDATE users SET password_hash = $3, password_history = $4::jsonb, password_changed_at = now(),
                enrolled_at = coalesce(enrolled_at, now()), failed_logins = 0, locked_until = NULL, updated_at = now()
          WHERE id = $1 AND tenant_id = $2 AND status = 'active'
          RETURNING id`,
        [account.userId, tenant.id, newHash, JSON.stringify(history)],
      );
      if (!updated.length) throw new InvalidTokenException();

      await em.query(
        `UPDATE action_tokens SET voided_at = now() WHERE tenant_id = $1 AND user_id = $2 AND consumed_at IS NULL AND voided_at IS NULL`,
        [tenant.id, account.userId],
      );
      const [, sessionsRevoked] = await em.query<[unknown[], number]>(
        `UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
        [tenant.id, account.userId],
      );
      ({ logouts } = await endOidcGrantsOf(em, tenant.id, account.userId));
      // Setting the first password (enrolment) is not a change to warn about.
      if (consumed.purpose === 'password-reset') {
        jobs.push(
          await this.emails.passwordChanged(
            em,
            tenant,
            { id: account.userId, ...account },
            input.locale,
          ),
        );
      }
      await this.audit.recordIn(em, {
        tenantId: tenant.id,
        action: consumed.purpose === 'password-reset' ? 'password.reset' : 'enrolment.completed',
        actorType: 'user',
        actorId: account.userId,
        targetType: 'user',
        targetId: account.userId,
        details: { actionTokenId: consumed.id, sessionsRevoked },
        meta: input.meta,
      });
    });
    // Committed: every API process drops the account's sessions before this answers.
    await this.liveness.ended(tenant.id, [account.userId]);
    await this.outbox.enqueue(jobs);
    this.logouts.send(tenant.id, logouts);
    // The lockout counter of the account starts again.
    const lockout = tenant.settings.lockout;
    await this.rateLimits
      .accountFailures(lockout.maxFailures, lockout.lockMinutes)
      .reset(`${tenant.id}:${account.username}`);
  }

  private async findAccount(tenantId: string, tokenHash: Buffer): Promise<TokenAccount | null> {
    const [row] = await this.dataSource.query<TokenAccount[]>(
      `SELECT u.id AS "userId", u.username, u.first_name AS "firstName", u.last_name AS "lastName", u.email,
              u.password_hash AS "passwordHash", u.password_history AS "passwordHistory"
         FROM action_tokens t
         JOIN users u ON u.id = t.user_id AND u.tenant_id = t.tenant_id
        WHERE t.tenant_id = $1 AND t.token_hash = $2 AND t.consumed_at IS NULL AND t.voided_at IS NULL
          AND t.expires_at > now() AND u.status = 'active'`,
      [tenantId, tokenHash],
    );
    return row ?? null;
  }
}
