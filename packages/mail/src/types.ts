import type { EmailKind, EmailPayload, Locale, TenantSettings } from '@guichet/types';

/** The three parts of an email, each a Handlebars template. */
export const TEMPLATE_PARTS = ['subject', 'html', 'text'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
export type TemplateSet = Record<TemplatePart, string>;

/**
 * Tenant-edited templates. A missing kind, locale or part falls back to the default of that
 * kind, locale and part (never to another locale's override). `html` is the body placed in
 * the shared layout (header with logo and name, footer with the signature), not a document.
 */
export type TemplateOverrides = Partial<
  Record<EmailKind, Partial<Record<Locale, Partial<TemplateSet>>>>
>;

export interface RenderRequest {
  tenant: {
    id: string;
    name: string;
    settings: Pick<TenantSettings, 'branding' | 'texts' | 'defaultLocale' | 'email'>;
    /** Bumps when settings or templates change; part of the cache key. */
    version: number;
    /**
     * The tenant public base URL (e.g. `https://cegepdeseptiles.localhost:3000`). Optional:
     * used to make a relative logo URL absolute and to derive `loginUrl` (`/login`) and
     * `forgotPasswordUrl` (`/forgot-password`) when `extra` does not give them.
     */
    publicUrl?: string;
  };
  payload: EmailPayload;
  /** The full link for password-reset and enrolment (tenant public URL + token); required for them. */
  link?: string;
  /** More string variables, e.g. forgotPasswordUrl, loginUrl. They never replace the payload's variables. */
  extra?: Record<string, string>;
  overrides?: TemplateOverrides;
  /**
   * What to do with an override that does not compile (it should have been refused by
   * `validateTemplate` when saved): `throw` (default) a `TemplateError`, or `use-default`
   * to render that part from the default template instead.
   */
  onInvalidOverride?: 'throw' | 'use-default';
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export type ValidationResult = { ok: true } | { ok: false; line: number | null; message: string };
