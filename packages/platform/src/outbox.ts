import { EmailDelivery } from '@guichet/db';
import type { EmailJobData, EmailPayload } from '@guichet/types';
import type { EntityManager } from 'typeorm';
import type { Encryptor } from './encryption.js';

export interface OutboxEmail {
  payload: EmailPayload;
  userId: string | null;
  /** For link emails: the raw token (stored encrypted until sent) and its row. */
  link?: { token: string; actionTokenId: string };
}

const row = (encryptor: Encryptor, email: OutboxEmail) => ({
  tenantId: email.payload.tenantId,
  userId: email.userId,
  kind: email.payload.kind,
  recipient: email.payload.recipient.email,
  payload: email.payload,
  actionTokenId: email.link?.actionTokenId ?? null,
  tokenCiphertext: email.link ? encryptor.encrypt(email.link.token) : null,
  status: 'queued' as const,
});

/** Writes the outbox row; call inside the transaction that created the token. */
export async function writeOutbox(
  em: EntityManager,
  encryptor: Encryptor,
  email: OutboxEmail,
): Promise<EmailJobData> {
  const saved = await em.save(em.create(EmailDelivery, row(encryptor, email)));
  return { outboxId: saved.id, tenantId: saved.tenantId, kind: saved.kind, version: 1 };
}

/** `writeOutbox` of many rows in one statement; their jobs in the order given. */
export async function writeOutboxMany(
  em: EntityManager,
  encryptor: Encryptor,
  emails: readonly OutboxEmail[],
): Promise<EmailJobData[]> {
  if (!emails.length) return [];
  const rows = emails.map((email) => row(encryptor, email));
  const { identifiers } = await em.insert(EmailDelivery, rows);
  return rows.map((r, i) => ({
    outboxId: (identifiers[i] as { id: string }).id,
    tenantId: r.tenantId,
    kind: r.kind,
    version: 1,
  }));
}
