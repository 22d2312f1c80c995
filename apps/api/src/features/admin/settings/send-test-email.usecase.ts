import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { Locale, SmtpTestResponse } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { EmailOutbox } from '../../../platform/outbox/email-outbox.js';
import { RateLimits } from '../../../platform/security/rate-limits.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { Tenants } from '../tenants/tenants.queries.js';
import { offeredLocale } from '../tenants/tenants.shared.js';

/**
 * A test email to the signed-in admin's own address (never one the request names: the
 * endpoint would relay mail anywhere), through the outbox and the worker like every email;
 * a few per admin and tenant (`smtp-test` limit).
 */
@Injectable()
export class SendTestEmail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
    private readonly rateLimits: RateLimits,
    private readonly tenants: Tenants,
  ) {}

  /** `asked`: the language of the email, when the tenant offers it (its default otherwise). */
  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    asked: Locale | undefined,
  ): Promise<SmtpTestResponse> {
    const locale = offeredLocale((await this.tenants.detail(tenantId)).settings, asked);
    await this.rateLimits.consume('smtp-test', `${actor.admin.id}:${tenantId}`);
    const to = actor.admin.email;
    const job = await this.dataSource.transaction(async (em) => {
      const written = await this.outbox.write(em, {
        payload: {
          kind: 'test-email',
          tenantId,
          version: 1,
          recipient: { email: to, name: '' },
          locale,
          data: { requestedBy: actor.admin.email },
        },
        userId: null,
      });
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'smtp.test.requested'),
        targetType: 'delivery',
        targetId: written.outboxId,
        details: { to },
      });
      return written;
    });
    await this.outbox.enqueue([job]);
    return { deliveryId: job.outboxId };
  }
}
