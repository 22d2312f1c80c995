import { EmailDeliveriesRepository, type Queryable, tenantId } from '@guichet/db';
import type { EmailJobData, EmailPayload } from '@guichet/types';
import type { Encryptor } from './encryption.js';

export interface OutboxEmail {
  payload: EmailPayload;
  userId: string | null;
  /** For link emails: the raw token (stored encrypted until sent) and its row. */
  link?: { token: string; actionTokenId: string };
}

/** Writes the outbox row; call inside the transaction that created the token. */
export async function writeOutbox(
  em: Queryable,
  encryptor: Encryptor,
  email: OutboxEmail,
): Promise<EmailJobData> {
  // The payload's tenant is the caller's, resolved before it wrote the token.
  const tenant = tenantId(email.payload.tenantId);
  const outboxId = await new EmailDeliveriesRepository(em).insertQueued(tenant, {
    userId: email.userId,
    kind: email.payload.kind,
    recipient: email.payload.recipient.email,
    payload: email.payload,
    actionTokenId: email.link?.actionTokenId ?? null,
    tokenCiphertext: email.link ? encryptor.encrypt(email.link.token) : null,
  });
  return { outboxId, tenantId: tenant, kind: email.payload.kind, version: 1 };
}
