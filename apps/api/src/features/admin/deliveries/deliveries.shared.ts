import type { DeliveryRow } from '@guichet/db';
import type { DeliveryView } from '@guichet/types';

export const DELIVERY_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no email delivery with this id.',
};

export const toView = (r: DeliveryRow): DeliveryView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  sentAt: r.sentAt ? r.sentAt.toISOString() : null,
});
