/** The admin API: email templates. */
import { z } from 'zod';
import type { ApiError } from '../api.js';
import { type EmailKind } from '../jobs.js';
import { type Locale } from '../locale.js';
import { safeString } from '../safe-text.js';

/** `GET tenants/:tenantId/templates` → `TemplateListItem[]`: every kind × the tenant's locales. */
export interface TemplateListItem {
  kind: EmailKind;
  locale: Locale;
  overridden: boolean;
  updatedAt: string | null;
}

/** `GET tenants/:tenantId/templates/:kind/:locale`: the override, or the default when there is none. */
export interface TemplateView {
  kind: EmailKind;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  overridden: boolean;
  updatedAt: string | null;
  /** Variables the templates of this kind may use (`{{username}}`…). */
  variables: string[];
  /** Helpers (`formatDate`, `#if`…) and partials (`{{> button}}`, html only) allowed. */
  helpers: string[];
  partials: string[];
}

/**
 * `PUT tenants/:tenantId/templates/:kind/:locale` → `TemplateView`; a template that does not
 * compile → 400 `TemplateErrorBody` naming the part and the line.
 * `DELETE` the same → `TemplateView` (the default again).
 * `POST …/preview` with the same body → `TemplatePreviewResponse` (nothing saved).
 */
export const templateSourceSchema = z
  .object({
    subject: safeString().max(1_000),
    html: safeString({ multiline: true }).max(100_000),
    text: safeString({ multiline: true }).max(50_000),
  })
  .strict();
export type TemplateSource = z.infer<typeof templateSourceSchema>;

export interface TemplateErrorBody extends ApiError {
  error: 'invalid_template';
  /** The part with the first problem, and its line (null when the problem has no line). */
  part: 'subject' | 'html' | 'text';
  line: number | null;
}

/** What would be sent, rendered with sample data and the tenant's branding. */
export interface TemplatePreviewResponse {
  subject: string;
  html: string;
  text: string;
}
