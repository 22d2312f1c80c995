import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DeliveryView,
  type deliveryListQuerySchema,
  LINK_KINDS,
  type EmailKind,
  type Page,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AuditLog } from '../../../platform/audit/audit-log.js';
import { EmailOutbox } from '../../../platform/outbox/email-outbox.js';
import { type AdminActor, adminAudit } from '../access/admin-request.js';
import { escapeLike, selectPage } from '../access/paged-query.js';

const DELIVERY_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no email delivery with this id.',
};

/** Never the token, the payload's data or anything else of the row. */
const COLUMNS = `id, kind, recipient, COALESCE(payload->>'locale', 'fr') AS locale, status, attempts, last_error AS "lastError",
  smtp_message_id AS "messageId", created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt"`;

type Row = Omit<DeliveryView, 'createdAt' | 'updatedAt' | 'sentAt'> & {
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
};
const toView = (r: Row): DeliveryView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  sentAt: r.sentAt ? r.sentAt.toISOString() : null,
});

/** The tenant's email deliveries, newest first. */
@Injectable()
export class TenantDeliveries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    tenantId: string,
    query: z.infer<typeof deliveryListQuerySchema>,
  ): Promise<Page<DeliveryView>> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.kind) where.push(`kind = $${params.push(query.kind)}`);
    if (query.q)
      where.push(`lower(recipient) LIKE $${params.push(`%${escapeLike(query.q.toLowerCase())}%`)}`);
    return selectPage(
      this.dataSource,
      {
        columns: COLUMNS,
        from: 'email_deliveries',
        where: where.join(' AND '),
        orderBy: 'created_at DESC, id',
      },
      params,
      query,
      toView,
    );
  }
}

/**
 * A failed delivery queued again: the row goes back to `queued` and its job is added (job id
 * derived from the row, as the worker's reconciler does, so it is never queued twice). A
 * link email whose link is no longer valid is not retried: the account needs a new link.
 */
@Injectable()
export class RetryDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: AdminActor, tenantId: string, deliveryId: string): Promise<DeliveryView> {
    const kind = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query<
        {
          kind: EmailKind;
          status: string;
          attempts: number;
          lastError: string | null;
          linkValid: boolean;
          hasToken: boolean;
        }[]
      >(
        `SELECT d.kind, d.status, d.attempts, d.last_error AS "lastError", d.token_ciphertext IS NOT NULL AS "hasToken",
                EXISTS (SELECT 1 FROM action_tokens t WHERE t.id = d.action_token_id AND t.tenant_id = d.tenant_id
                        AND t.consumed_at IS NULL AND t.voided_at IS NULL AND t.expires_at > now()) AS "linkValid"
           FROM email_deliveries d WHERE d.id = $1 AND d.tenant_id = $2 FOR UPDATE`,
        [deliveryId, tenantId],
      );
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
      await em.query(
        `UPDATE email_deliveries SET status = 'queued', enqueued_at = NULL, updated_at = now() WHERE id = $1 AND tenant_id = $2`,
        [deliveryId, tenantId],
      );
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
    const [row] = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM email_deliveries WHERE id = $1 AND tenant_id = $2`,
      [deliveryId, tenantId],
    );
    return toView(row!);
  }
}
