import { type DeliveryView } from '@guichet/types';

export const DELIVERY_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no email delivery with this id.',
};

/** Never the token, the payload's data or anything else of the row. */
export const COLUMNS = `id, kind, recipient, COALESCE(payload->>'locale', 'fr') AS locale, status, attempts, last_error AS "lastError",
  smtp_message_id AS "messageId", created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt"`;

export type Row = Omit<DeliveryView, 'createdAt' | 'updatedAt' | 'sentAt'> & {
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
};

export const toView = (r: Row): DeliveryView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  sentAt: r.sentAt ? r.sentAt.toISOString() : null,
});
