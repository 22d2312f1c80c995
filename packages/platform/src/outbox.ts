import { EmailDeliveriesRepository, type Queryable, type QueuedEmail, tenantId } from '@guichet/db';
import type { EmailJobData, EmailPayload } from '@guichet/types';
import type { Encryptor } from './encryption.js';

export interface OutboxEmail {
  payload: EmailPayload;
  userId: string | null;
  /** For link emails: the raw token (stored encrypted until sent) and its row. */
  link?: { token: string; actionTokenId: string };
}

const row = (encryptor: Encryptor, email: OutboxEmail): QueuedEmail => ({
  userId: email.userId,
  kind: email.payload.kind,
  recipient: email.payload.recipient.email,
  payload: email.payload,
  actionTokenId: email.link?.actionTokenId ?? null,
  tokenCiphertext: email.link ? encryptor.encrypt(email.link.token) : null,
});

/** Writes the outbox row; call inside the transaction that created the token. */
export async function writeOutbox(
  em: Queryable,
  encryptor: Encryptor,
  email: OutboxEmail,
): Promise<EmailJobData> {
  const [job] = await writeOutboxMany(em, encryptor, [email]);
  return job!;
}

/**
 * `writeOutbox` of many rows of one tenant in one statement; their jobs in the order given.
 * The tenant is the payloads' (the caller's, resolved before it wrote the tokens).
 */
export async function writeOutboxMany(
  em: Queryable,
  encryptor: Encryptor,
  emails: readonly OutboxEmail[],
): Promise<EmailJobData[]> {
  if (!emails.length) return [];
  const tenant = tenantId(emails[0]!.payload.tenantId);
  if (emails.some((e) => e.payload.tenantId !== tenant))
    throw new Error('writeOutboxMany: the emails of one call belong to one tenant');
  const ids = await new EmailDeliveriesRepository(em).insertQueuedMany(
    tenant,
    emails.map((email) => row(encryptor, email)),
  );
  return emails.map((email, i) => ({
    outboxId: ids[i]!,
    tenantId: tenant,
    kind: email.payload.kind,
    version: 1,
  }));
}
