/** The admin API: email deliveries. */
import { z } from 'zod';
import { DELIVERY_STATUSES, EMAIL_KINDS, type DeliveryStatus, type EmailKind } from '../jobs.js';
import { type Locale } from '../locale.js';

import { optional, page, pageSize, search } from './common.js';

/** `GET tenants/:tenantId/deliveries?status=&kind=&q=&page=&pageSize=` → `Page<DeliveryView>`; `q` matches the recipient. */
export const deliveryListQuerySchema = z.object({
  status: optional(z.enum(DELIVERY_STATUSES)),
  kind: optional(z.enum(EMAIL_KINDS)),
  q: optional(search),
  page,
  pageSize,
});
export type DeliveryListQuery = z.input<typeof deliveryListQuerySchema>;

/** An outbox row as the admin sees it (never its token). */
export interface DeliveryView {
  id: string;
  kind: EmailKind;
  recipient: string;
  locale: Locale;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}
// POST tenants/:tenantId/deliveries/:deliveryId/retry → 202 DeliveryView (status `queued`);
// 409 unless the delivery is `failed`, or when its link is no longer valid (send a new one).
