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

/** Writes the outbox row; call inside the transaction that created the token. */
export async function writeOutbox(
  em: EntityManager,
  encryptor: Encryptor,
  email: OutboxEmail,
): Promise<EmailJobData> {
  const row = await em.save(
    em.create(EmailDelivery, {
      tenantId: email.payload.tenantId,
      userId: email.userId,
      kind: email.payload.kind,
      recipient: email.payload.recipient.email,
      payload: email.payload,
      actionTokenId: email.link?.actionTokenId ?? null,
      tokenCiphertext: email.link ? encryptor.encrypt(email.link.token) : null,
      status: 'queued',
    }),
  );
  return { outboxId: row.id, tenantId: row.tenantId, kind: row.kind, version: 1 };
}
