import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailDeliveriesRepository, type TenantId } from '@guichet/db';
import { type DeliveryView, LINK_KINDS } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { EmailOutbox } from '../../../platform/outbox/email-outbox.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { DELIVERY_NOT_FOUND, toView } from './deliveries.shared.js';

/**
 * A failed delivery queued again: the row goes back to `queued` and its job is added (job id
 * derived from the row, as the worker's reconciler does, so it is never queued twice). A
 * link email whose link is no longer valid is not retried: the account needs a new link.
 */
@Injectable()
export class RetryDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: AdminActor, tenantId: TenantId, deliveryId: string): Promise<DeliveryView> {
    const kind = await this.dataSource.transaction(async (em) => {
      const deliveries = this.deliveries.in(em);
      const row = await deliveries.lockForRetry(tenantId, deliveryId);
      if (!row) throw new NotFoundException(DELIVERY_NOT_FOUND);
      if (row.status !== 'failed')
        throw new ConflictException({
          error: 'not_failed',
          message: `Only a failed delivery can be retried (this one is ${row.status}).`,
        });
      if (LINK_KINDS.includes(row.kind) && (!row.linkValid || !row.hasToken)) {
        throw new ConflictException({
          error: 'link_expired',
          message: 'The link in this email is no longer valid: send the account a new one instead.',
        });
      }
      await deliveries.requeue(tenantId, deliveryId);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'delivery.retried'),
        targetType: 'delivery',
        targetId: deliveryId,
        before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
        details: { status: 'queued' },
      });
      return row.kind;
    });
    await this.outbox.enqueue([{ outboxId: deliveryId, tenantId, kind, version: 1 }]);
    return toView((await this.deliveries.view(tenantId, deliveryId))!);
  }
}
