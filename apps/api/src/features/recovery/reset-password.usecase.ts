import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionTokensRepository, RefreshSessionsRepository, UsersRepository } from '@guichet/db';
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
import { AuditLog } from '../../platform/audit/audit-log.js';
import { PasswordHasher } from '../../platform/crypto/password-hasher.js';
import { BackchannelLogouts } from '../oidc/backchannel-logouts.js';
import { endOidcGrantsOf, type PendingLogout } from '../oidc/oidc-revocation.js';
import { SessionLiveness } from '../auth/session-liveness.js';
import { AccountEmails } from '../../platform/outbox/account-emails.js';
import { EmailOutbox } from '../../platform/outbox/email-outbox.js';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import { ClientLimits } from '../../platform/security/client-limits.js';
import { RateLimits } from '../../platform/security/rate-limits.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

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
    private readonly tokens: ActionTokensRepository,
    private readonly users: UsersRepository,
    private readonly sessions: RefreshSessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly emails: AccountEmails,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
    private readonly rateLimits: RateLimits,
    private readonly logouts: BackchannelLogouts,
    private readonly limits: ClientLimits,
    private readonly liveness: SessionLiveness,
  ) {}

  /** Within the per-address limit of reset attempts; a refused token counts against it. */
  async execute(input: ResetPasswordInput): Promise<void> {
    await this.limits.assertUnder('reset-ip', input.meta);
    try {
      await this.setPassword(input);
    } catch (error) {
      if (error instanceof InvalidTokenException)
        await this.limits.countFailure('reset-ip', input.tenant, input.meta);
      throw error;
    }
  }

  private async setPassword(input: ResetPasswordInput): Promise<void> {
    const { tenant } = input;
    // Never let a non-string (or a string we did not issue) near a query.
    if (!isWellFormedToken(input.token)) throw new InvalidTokenException();
    const tokenHash = hashToken(input.token);
    const account = await this.tokens.accountOfLiveLink(tenant.id, tokenHash);
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
      const consumed = await this.tokens.in(em).consume(tenant.id, tokenHash);
      if (!consumed || consumed.userId !== account.id) throw new InvalidTokenException();

      const history = [account.passwordHash, ...account.passwordHistory]
        .filter((h): h is string => !!h)
        .slice(0, HISTORY_KEPT);
      const updated = await this.users.in(em).setPassword(tenant.id, account.id, newHash, history);
      if (!updated) throw new InvalidTokenException();

      await this.tokens.in(em).voidPending(tenant.id, [account.id]);
      const sessionsRevoked = await this.sessions.in(em).revokeAllOf(tenant.id, [account.id]);
      ({ logouts } = await endOidcGrantsOf(em, tenant.id, account.id));
      // Setting the first password (enrolment) is not a change to warn about.
      if (consumed.purpose === 'password-reset') {
        jobs.push(await this.emails.passwordChanged(em, tenant, account, input.locale));
      }
      await this.audit.recordIn(em, {
        tenantId: tenant.id,
        action: consumed.purpose === 'password-reset' ? 'password.reset' : 'enrolment.completed',
        actorType: 'user',
        actorId: account.id,
        targetType: 'user',
        targetId: account.id,
        details: { actionTokenId: consumed.id, sessionsRevoked },
        meta: input.meta,
      });
    });
    // Committed: every API process drops the account's sessions before this answers.
    await this.liveness.ended(tenant.id, [account.id]);
    await this.outbox.enqueue(jobs);
    this.logouts.send(tenant.id, logouts);
    // The lockout counter of the account starts again.
    const lockout = tenant.settings.lockout;
    await this.rateLimits
      .accountFailures(lockout.maxFailures, lockout.lockMinutes)
      .reset(`${tenant.id}:${account.username}`);
  }
}
