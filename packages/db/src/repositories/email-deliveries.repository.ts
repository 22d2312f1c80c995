import type { DeliveryStatus, DeliveryView, EmailKind, EmailPayload } from '@guichet/types';
import type { TenantId } from '../tenant-id.js';
import { escapeLike, type PageQuery, type RowsPage, selectPage } from './paged.js';
import { modify, one, type Queryable } from './queryable.js';
import { deliveryLinkValid } from './shared-sql.js';

/** A delivery as the admin API shows it (never the token or the payload's data), dates as read. */
export interface DeliveryRow extends Omit<DeliveryView, 'createdAt' | 'updatedAt' | 'sentAt'> {
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/** A row the worker claimed for sending. */
export interface ClaimedDelivery {
  id: string;
  tenantId: TenantId;
  kind: EmailKind;
  recipient: string;
  payload: EmailPayload;
  tokenCiphertext: string | null;
  linkValid: boolean;
}

export type DeliveryChange = Partial<{
  status: DeliveryStatus;
  lastError: string | null;
  tokenCiphertext: null;
}>;

const VIEW_COLUMNS = `d.id, d.kind, d.recipient, COALESCE(d.payload->>'locale', 'fr') AS locale, d.status, d.attempts, d.last_error AS "lastError",
  d.smtp_message_id AS "messageId", d.created_at AS "createdAt", d.updated_at AS "updatedAt", d.sent_at AS "sentAt"`;

/** An outbox row to write, its token already encrypted. */
export interface QueuedEmail {
  userId: string | null;
  kind: EmailKind;
  recipient: string;
  payload: EmailPayload;
  actionTokenId: string | null;
  tokenCiphertext: string | null;
}

/** The email outbox and its delivery states (`email_deliveries`). */
export class EmailDeliveriesRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): EmailDeliveriesRepository {
    return new EmailDeliveriesRepository(db);
  }

  async markEnqueued(tenant: TenantId, id: string): Promise<void> {
    await this.db.query(
      'UPDATE email_deliveries SET enqueued_at = now() WHERE tenant_id = $1 AND id = $2 AND enqueued_at IS NULL',
      [tenant, id],
    );
  }

  /** `markEnqueued` of many rows of one tenant. */
  async markEnqueuedMany(tenant: TenantId, ids: readonly string[]): Promise<void> {
    await this.db.query(
      'UPDATE email_deliveries SET enqueued_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND enqueued_at IS NULL',
      [tenant, ids],
    );
  }

  view(tenant: TenantId, id: string): Promise<DeliveryRow | null> {
    return one<DeliveryRow>(
      this.db,
      `SELECT ${VIEW_COLUMNS} FROM email_deliveries d WHERE d.tenant_id = $1 AND d.id = $2`,
      [tenant, id],
    );
  }

  /** The tenant's deliveries, newest first. */
  page(
    tenant: TenantId,
    query: PageQuery & { status?: DeliveryStatus; kind?: EmailKind; q?: string },
  ): Promise<RowsPage<DeliveryRow>> {
    const where = ['d.tenant_id = $1'];
    const params: unknown[] = [tenant];
    if (query.status) where.push(`d.status = $${params.push(query.status)}`);
    if (query.kind) where.push(`d.kind = $${params.push(query.kind)}`);
    if (query.q)
      where.push(
        `lower(d.recipient) LIKE $${params.push(`%${escapeLike(query.q.toLowerCase())}%`)}`,
      );
    return selectPage<DeliveryRow>(
      this.db,
      {
        columns: VIEW_COLUMNS,
        from: 'email_deliveries d',
        where: where.join(' AND '),
        orderBy: 'd.created_at DESC, d.id',
      },
      params,
      query,
    );
  }

  /** The row under lock, with whether its link (if any) is still valid. */
  lockForRetry(
    tenant: TenantId,
    id: string,
  ): Promise<{
    kind: EmailKind;
    status: DeliveryStatus;
    attempts: number;
    lastError: string | null;
    linkValid: boolean;
    hasToken: boolean;
  } | null> {
    return one(
      this.db,
      `SELECT d.kind, d.status, d.attempts, d.last_error AS "lastError", d.token_ciphertext IS NOT NULL AS "hasToken",
              ${deliveryLinkValid('d')} AS "linkValid"
         FROM email_deliveries d WHERE d.tenant_id = $1 AND d.id = $2 FOR UPDATE`,
      [tenant, id],
    );
  }

  /** Back to `queued`, to be enqueued again. */
  async requeue(tenant: TenantId, id: string): Promise<void> {
    await this.db.query(
      "UPDATE email_deliveries SET status = 'queued', enqueued_at = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2",
      [tenant, id],
    );
  }

  /**
   * Claims a row for sending (queued, or left sending or failed by an attempt that died),
   * learning in the same statement whether its link is still valid. Null: nothing to send.
   */
  async claim(tenant: TenantId, id: string): Promise<ClaimedDelivery | null> {
    const { rows } = await modify<ClaimedDelivery>(
      this.db,
      `UPDATE email_deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = now()
        WHERE d.tenant_id = $1 AND d.id = $2 AND d.status IN ('queued', 'sending', 'failed')
        RETURNING d.id, d.tenant_id AS "tenantId", d.kind, d.recipient, d.payload, d.token_ciphertext AS "tokenCiphertext",
          ${deliveryLinkValid('d')} AS "linkValid"`,
      [tenant, id],
    );
    return rows[0] ?? null;
  }

  async change(tenant: TenantId, id: string, change: DeliveryChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [tenant, id];
    if (change.status !== undefined) sets.push(`status = $${params.push(change.status)}`);
    if (change.lastError !== undefined) sets.push(`last_error = $${params.push(change.lastError)}`);
    if (change.tokenCiphertext === null) sets.push('token_ciphertext = NULL');
    await this.db.query(
      `UPDATE email_deliveries SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE tenant_id = $1 AND id = $2`,
      params,
    );
  }

  /** Sent: the message id kept, the token wiped. */
  async markSent(tenant: TenantId, id: string, messageId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE email_deliveries SET status = 'sent', sent_at = now(), smtp_message_id = $3, token_ciphertext = NULL, last_error = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [tenant, id, messageId],
    );
  }

  /**
   * The outbox row of one email, queued; a link email's token comes encrypted (it is wiped once
   * sent). Returns the row's id.
   */
  async insertQueued(tenant: TenantId, email: QueuedEmail): Promise<string> {
    const [id] = await this.insertQueuedMany(tenant, [email]);
    return id!;
  }

  /** `insertQueued` of many rows in one statement; the new rows' ids in the order given. */
  async insertQueuedMany(tenant: TenantId, emails: readonly QueuedEmail[]): Promise<string[]> {
    if (!emails.length) return [];
    const rows = await this.db.query<{ id: string }[]>(
      `INSERT INTO email_deliveries (tenant_id, user_id, kind, recipient, payload, action_token_id, token_ciphertext, status)
       SELECT $1, e.user_id, e.kind, e.recipient, e.payload, e.action_token_id, e.token_ciphertext, 'queued'
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[], $7::text[])
              WITH ORDINALITY AS e(user_id, kind, recipient, payload, action_token_id, token_ciphertext, n)
        ORDER BY e.n
       RETURNING id`,
      [
        tenant,
        emails.map((e) => e.userId),
        emails.map((e) => e.kind),
        emails.map((e) => e.recipient),
        emails.map((e) => JSON.stringify(e.payload)),
        emails.map((e) => e.actionTokenId),
        emails.map((e) => e.tokenCiphertext),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Queues one notice per account (no link); returns the new rows' ids in order. */
  async insertNotices(
    tenant: TenantId,
    kind: EmailKind,
    notices: readonly { userId: string; recipient: string; payload: EmailPayload }[],
  ): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `INSERT INTO email_deliveries (tenant_id, user_id, kind, recipient, payload, status)
       SELECT $1, v.user_id, $2, v.recipient, v.payload, 'queued'
         FROM unnest($3::uuid[], $4::varchar[], $5::jsonb[]) AS v(user_id, recipient, payload)
       RETURNING id`,
      [
        tenant,
        kind,
        notices.map((n) => n.userId),
        notices.map((n) => n.recipient),
        notices.map((n) => JSON.stringify(n.payload)),
      ],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Platform-wide, for the reconciler: rows left queued or sending for longer than `graceMs`,
   * oldest first, each with its tenant.
   */
  staleAcrossTenants(
    graceMs: number,
    limit: number,
  ): Promise<{ id: string; tenantId: TenantId; kind: EmailKind }[]> {
    return this.db.query(
      `SELECT id, tenant_id AS "tenantId", kind FROM email_deliveries
        WHERE status IN ('queued', 'sending') AND updated_at < now() - make_interval(secs => $1::float8 / 1000)
        ORDER BY created_at LIMIT $2`,
      [graceMs, limit],
    );
  }
}
