/** The admin API: smtp. */
import { z } from 'zod';
import { localeSchema } from '../locale.js';

import { email, line, noControl } from './common.js';

const smtpHost = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or an IP address');

/**
 * `PUT tenants/:tenantId/smtp` → `SmtpSettingsView`. `password` omitted keeps the stored
 * one, `null` removes it; it is stored encrypted. `fromAddress`, `fromName` and `replyTo`,
 * when present, update the sender (`email` section of the settings).
 * `DELETE tenants/:tenantId/smtp` → `SmtpSettingsView`: back to the platform SMTP server.
 */
export const smtpSettingsRequestSchema = z
  .object({
    host: smtpHost,
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    username: z
      .string()
      .trim()
      .max(320)
      .refine(noControl, 'must not contain control characters')
      .nullable()
      .optional(),
    password: z.string().min(1).max(1024).nullable().optional(),
    fromAddress: email.optional(),
    fromName: line(200).optional(),
    replyTo: email.nullable().optional(),
  })
  .strict();
export type SmtpSettingsRequest = z.infer<typeof smtpSettingsRequestSchema>;

/**
 * `POST tenants/:tenantId/smtp/test` → 202 `SmtpTestResponse`: a `test-email` through the
 * outbox, always to the signed-in admin's own address; 429 after a few (per admin and tenant).
 */
export const smtpTestRequestSchema = z.object({ locale: localeSchema.optional() }).strict();
export type SmtpTestRequest = z.infer<typeof smtpTestRequestSchema>;
export interface SmtpTestResponse {
  deliveryId: string;
}
