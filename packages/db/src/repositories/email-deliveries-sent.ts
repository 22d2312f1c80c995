/** What the statements need of a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

import type { TenantId } from '../tenant-id.js';

export interface SentDelivery {
  id: string;
  smtpMessageId: string | null;
}

/**
 * Records deliveries of one tenant as sent in one statement (their tokens wiped): the
 * worker's sends of one moment share it instead of a statement each.
 */
export async function markDeliveriesSent(
  db: Queryable,
  tenant: TenantId,
  sent: readonly SentDelivery[],
): Promise<void> {
  if (!sent.length) return;
  await db.query(
    `UPDATE email_deliveries d SET status = 'sent', sent_at = now(), smtp_message_id = v.message_id,
            token_ciphertext = NULL, last_error = NULL, updated_at = now()
       FROM unnest($2::uuid[], $3::text[]) AS v(id, message_id)
      WHERE d.tenant_id = $1 AND d.id = v.id`,
    [tenant, sent.map((s) => s.id), sent.map((s) => s.smtpMessageId)],
  );
}
