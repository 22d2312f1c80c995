import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { markDeliveriesSent, type SentDelivery, type TenantId } from '@guichet/db';
import type { DataSource } from 'typeorm';

interface Waiting extends SentDelivery {
  tenantId: TenantId;
  done: () => void;
  failed: (error: unknown) => void;
}

/**
 * Records sent deliveries for the jobs in flight together: what the concurrent sends of one
 * moment wrote in a statement each is one statement per tenant.
 *
 * The at-least-once contract holds: `record()` resolves only once the row's 'sent' state is
 * committed, and the job completes (BullMQ) only after that, as before. A crash in between
 * leaves the job active and the row 'sending': the job is taken again (stalled) and the
 * email sent again, at least once, never lost. A failed statement fails every job of the
 * batch, each retried as a failed write was before.
 */
@Injectable()
export class SentRecorder {
  private pending: Waiting[] = [];
  private scheduled = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(tenantId: TenantId, sent: SentDelivery): Promise<void> {
    return new Promise<void>((done, failed) => {
      this.pending.push({ id: sent.id, smtpMessageId: sent.smtpMessageId, tenantId, done, failed });
      if (!this.scheduled) {
        this.scheduled = true;
        // The sends finishing in this turn of the event loop join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const byTenant = new Map<TenantId, Waiting[]>();
    for (const w of batch) {
      const list = byTenant.get(w.tenantId);
      if (list) list.push(w);
      else byTenant.set(w.tenantId, [w]);
    }
    await Promise.all(
      [...byTenant].map(async ([tenantId, waiting]) => {
        try {
          await markDeliveriesSent(this.dataSource, tenantId, waiting);
          for (const w of waiting) w.done();
        } catch (error) {
          for (const w of waiting) w.failed(error);
        }
      }),
    );
  }
}
