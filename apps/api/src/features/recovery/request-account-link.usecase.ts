import { ForbiddenException, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AccountEmailInput } from '../../platform/outbox/account-emails.js';
import {
  AccountRequests,
  type AccountRequestKind,
} from '../../platform/outbox/account-requests.js';
import { ClientLimits } from '../../platform/security/client-limits.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

const REFUSALS: Record<AccountRequestKind, string> = {
  'forgot-password': 'Password recovery is not offered on this portal.',
  enrolment: 'Self-enrolment is not offered on this portal.',
};

/**
 * « Mot de passe oublié » and « M'inscrire au service », from the portal or the JSON API:
 * offered only when the tenant turns the feature on, within the per-address limit; the
 * request is accepted the same way for every username and worked once the reply is out,
 * so nothing in the reply shows whether the account exists.
 */
@Injectable()
export class RequestAccountLink {
  constructor(
    private readonly limits: ClientLimits,
    private readonly requests: AccountRequests,
  ) {}

  /** Whether the tenant offers this request (a page not offered is a 404 on the portal). */
  offered(tenant: TenantContext, kind: AccountRequestKind): boolean {
    const { features } = tenant.settings;
    return kind === 'forgot-password' ? features.forgotPassword : features.enrolment;
  }

  /** 403 feature_disabled, 429 over the limit, 503 when the work cannot be taken on. */
  async execute(
    reply: FastifyReply,
    kind: AccountRequestKind,
    input: AccountEmailInput,
  ): Promise<void> {
    if (!this.offered(input.tenant, kind))
      throw new ForbiddenException({ error: 'feature_disabled', message: REFUSALS[kind] });
    await this.limits.consume('recovery-ip', input.tenant, input.meta);
    await this.requests.accept(reply, kind, input);
  }
}
