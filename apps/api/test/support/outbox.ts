import { createEmailQueue, Encryptor } from '@guichet/platform';
import type { EmailJobData, EmailPayload } from '@guichet/types';
import { TEST_DATA_ENCRYPTION_KEY, type TestContext } from './test-app.js';

export interface OutboxRow {
  id: string;
  tenantId: string;
  userId: string | null;
  kind: string;
  recipient: string;
  payload: EmailPayload;
  actionTokenId: string | null;
  tokenCiphertext: string | null;
  status: string;
  enqueuedAt: Date | null;
}

const encryptor = new Encryptor(TEST_DATA_ENCRYPTION_KEY);

export async function outboxRows(
  ctx: TestContext,
  where: { userId?: string; tenantId?: string } = {},
): Promise<OutboxRow[]> {
  const clauses: string[] = [];
  const params: string[] = [];
  if (where.userId) clauses.push(`user_id = $${params.push(where.userId)}`);
  if (where.tenantId) clauses.push(`tenant_id = $${params.push(where.tenantId)}`);
  return ctx.dataSource.query<OutboxRow[]>(
    `SELECT id, tenant_id AS "tenantId", user_id AS "userId", kind, recipient, payload, action_token_id AS "actionTokenId",
            token_ciphertext AS "tokenCiphertext", status, enqueued_at AS "enqueuedAt"
       FROM email_deliveries ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY created_at`,
    params,
  );
}

/** The raw token of a link email, as the worker will decrypt it. */
export function linkToken(row: OutboxRow): string {
  if (!row.tokenCiphertext) throw new Error(`outbox row ${row.id} (${row.kind}) has no token`);
  return encryptor.decrypt(row.tokenCiphertext);
}

/** Polls until the work done after a 202 shows up (it runs once the reply went out). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    value = await probe();
  }
  return value;
}

/** Jobs waiting in the test's BullMQ email queue. */
export async function queuedJobs(
  ctx: TestContext,
): Promise<{ id: string | undefined; data: EmailJobData }[]> {
  const queue = createEmailQueue({ url: ctx.env.REDIS_URL! }, ctx.prefix);
  try {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active']);
    return jobs.map((j) => ({ id: j.id, data: j.data }));
  } finally {
    await queue.close();
  }
}

/** Audit events of an action in a tenant. */
export async function auditEvents(
  ctx: TestContext,
  tenantId: string,
  action: string,
): Promise<
  { targetId: string | null; after: Record<string, unknown> | null; ip: string | null }[]
> {
  return ctx.dataSource.query(
    `SELECT target_id AS "targetId", after, ip FROM audit_events WHERE tenant_id = $1 AND action = $2 ORDER BY id`,
    [tenantId, action],
  );
}
