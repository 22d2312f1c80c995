import { EMAIL_KINDS, isLocale, LINK_KINDS, type EmailKind, type Locale } from '@guichet/types';
import { compileOptions, env, runtimeOptions, type Template } from './environment.js';
import { BoundedCache } from '@guichet/platform/bounded-cache';
import { DEFAULT_TEMPLATES, DEFAULT_TEXTS, LAYOUT } from './templates/index.js';
import {
  TEMPLATE_PARTS,
  type RenderedEmail,
  type RenderRequest,
  type TemplatePart,
  type TemplateSet,
} from './types.js';
import { TemplateSyntaxError } from './parse-issues.js';
import { checkTemplate } from './validate.js';

/** A template that cannot be used: a tenant override that does not compile, or a request that lacks data. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly details: {
      kind?: EmailKind;
      locale?: Locale;
      part?: TemplatePart;
      line?: number | null;
    } = {},
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const FALLBACK_COLOR = '#1f4e79';
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Default templates: compiled once per kind, locale and part, kept for the life of the process. */
const defaults = new Map<string, Template>();
/** Tenant overrides: bounded, least recently used first out. */
const overrides = new BoundedCache<string, Template | TemplateSyntaxError>({ max: 500 });
let layout: Template | undefined;

/**
 * Renders one email: subject (plain text, one line), html (the body in the shared layout) and
 * text (plain text). The worker sends it; the API shows it as the admin preview.
 */
export function render(req: RenderRequest): RenderedEmail {
  const { payload } = req;
  const kind = payload?.kind;
  if (!(EMAIL_KINDS as readonly string[]).includes(kind))
    throw new TemplateError(`unknown email kind "${String(kind)}"`);
  const locale = resolveLocale(payload.locale, req.tenant.settings.defaultLocale);
  const context = buildContext(req, kind, locale);
  const options = runtimeOptions(locale);

  const htmlContext = withSafeUrls(context);

  const [subject, body, text] = TEMPLATE_PARTS.map((part) => {
    const data = part === 'html' ? htmlContext : context;
    const template = templateFor(req, kind, locale, part);
    if (template === defaultFor(kind, locale, part)) return template(data, options);
    try {
      return template(data, options);
    } catch (error) {
      // Validation should make this impossible; an override must still never take an email down silently.
      const message = error instanceof Error ? error.message : String(error);
      if (req.onInvalidOverride === 'use-default')
        return defaultFor(kind, locale, part)(data, options);
      throw new TemplateError(
        `the ${kind} ${part} template (${locale}) of tenant ${req.tenant.id} failed: ${message}`,
        { kind, locale, part, line: null },
      );
    }
  });
  const cleanSubject = toSubject(subject ?? '');
  const html = layoutTemplate()({ ...htmlContext, subject: cleanSubject, body }, options);
  return { subject: cleanSubject, html, text: toText(text ?? '') };
}

/** The default templates of a kind and locale (for the admin editor and "reset to default"). */
export function defaultTemplate(kind: EmailKind, locale: Locale): TemplateSet {
  const byLocale = DEFAULT_TEMPLATES[kind];
  if (!byLocale) throw new TemplateError(`unknown email kind "${String(kind)}"`);
  return { ...byLocale[isLocale(locale) ? locale : 'fr'] };
}

/** The payload locale, else the tenant default, else French. */
export function resolveLocale(locale: unknown, tenantDefault?: unknown): Locale {
  if (isLocale(locale)) return locale;
  if (isLocale(tenantDefault)) return tenantDefault;
  return 'fr';
}

/** Size and hit counts of the tenant-template cache (for metrics). */
export function templateCacheStats(): {
  size: number;
  maxSize: number;
  hits: number;
  misses: number;
} {
  return {
    size: overrides.size,
    maxSize: overrides.maxSize,
    hits: overrides.hits,
    misses: overrides.misses,
  };
}

/** Empties the tenant-template cache (tests; never needed in production, the key carries the version). */
export function clearTemplateCache(): void {
  overrides.clear();
}

function templateFor(
  req: RenderRequest,
  kind: EmailKind,
  locale: Locale,
  part: TemplatePart,
): Template {
  const source = req.overrides?.[kind]?.[locale]?.[part];
  if (typeof source !== 'string' || source.trim() === '') return defaultFor(kind, locale, part);

  // The source is part of the key: an admin preview of an unsaved draft shares the saved version number.
  const key = [req.tenant.id, req.tenant.version, kind, locale, part, source].join('\u0000');
  let compiled = overrides.get(key);
  if (!compiled) {
    compiled = compileChecked(part, source);
    overrides.set(key, compiled);
  }
  if (compiled instanceof TemplateSyntaxError) {
    if (req.onInvalidOverride === 'use-default') return defaultFor(kind, locale, part);
    const where = compiled.line === null ? '' : ` on line ${compiled.line}`;
    throw new TemplateError(
      `the ${kind} ${part} template (${locale}) of tenant ${req.tenant.id} is invalid${where}: ${compiled.message}`,
      {
        kind,
        locale,
        part,
        line: compiled.line,
      },
    );
  }
  return compiled;
}

function defaultFor(kind: EmailKind, locale: Locale, part: TemplatePart): Template {
  const key = `${kind}:${locale}:${part}`;
  let template = defaults.get(key);
  if (!template) {
    const compiled = compileChecked(part, DEFAULT_TEMPLATES[kind][locale][part]);
    if (compiled instanceof TemplateSyntaxError)
      throw new TemplateError(`default template ${key} is invalid: ${compiled.message}`, {
        kind,
        locale,
        part,
        line: compiled.line,
      });
    template = compiled;
    defaults.set(key, template);
  }
  return template;
}

function layoutTemplate(): Template {
  if (!layout) {
    checkTemplate('html', LAYOUT, { rawSlots: ['body'] });
    layout = env.compile(LAYOUT, compileOptions('html'));
  }
  return layout;
}

function compileChecked(part: TemplatePart, source: string): Template | TemplateSyntaxError {
  try {
    checkTemplate(part, source);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
  return env.compile(source, compileOptions(part));
}

/**
 * The variables a template sees: derived portal URLs, then `extra`, then the tenant's and the
 * payload's values (which `extra` cannot replace). Plain own properties only.
 */
function buildContext(
  req: RenderRequest,
  kind: EmailKind,
  locale: Locale,
): Record<string, unknown> {
  const { tenant, payload } = req;
  const settings = tenant.settings;
  const texts = settings.texts?.[locale] ?? {};
  const base = tenant.publicUrl ? tenant.publicUrl.replace(/\/+$/, '') : undefined;
  const context: Record<string, unknown> = {};

  if (base) {
    context.loginUrl = `${base}/login`;
    context.forgotPasswordUrl = `${base}/forgot-password`;
  }
  for (const [name, value] of Object.entries(req.extra ?? {})) {
    if (typeof value === 'string' && VARIABLE_NAME.test(name)) context[name] = value;
  }
  Object.assign(context, {
    locale,
    tenantName: tenant.name,
    portalName: texts.portalName ?? DEFAULT_TEXTS[locale].portalName,
    signature: texts.signature ?? DEFAULT_TEXTS[locale].signature,
    supportEmail: settings.email?.replyTo ?? settings.email?.senderAddress ?? '',
    primaryColor: color(settings.branding?.primaryColor),
    accentColor: color(settings.branding?.accentColor),
    logoUrl: absoluteUrl(settings.branding?.logoUrl, base),
    recipientName: payload.recipient?.name ?? '',
    recipientEmail: payload.recipient?.email ?? '',
  });
  for (const [name, value] of Object.entries(payload.data ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      context[name] = value;
  }

  if (req.link) context.link = req.link;
  if (LINK_KINDS.includes(kind) && !req.link)
    throw new TemplateError(`a ${kind} email needs its link`, { kind, locale });
  if (kind === 'already-enrolled' && !context.forgotPasswordUrl)
    throw new TemplateError(
      'an already-enrolled email needs extra.forgotPasswordUrl or tenant.publicUrl',
      { kind, locale },
    );
  return context;
}

/**
 * URLs (`link`, `*Url`) escaped for HTML without the `=` → `&#x3D;` that Handlebars writes,
 * so the link in the HTML is byte for byte the link in the text part (what people and link
 * scanners look for). Quotes, `<`, `>`, `&` and the backtick are still escaped and spaces
 * percent-encoded, so the value cannot leave an attribute, quoted or not.
 */
function withSafeUrls(context: Record<string, unknown>): Record<string, unknown> {
  const html: Record<string, unknown> = { ...context };
  for (const [name, value] of Object.entries(context)) {
    if ((name === 'link' || /Url$/.test(name)) && typeof value === 'string' && value !== '')
      html[name] = new env.SafeString(escapeUrl(value));
  }
  return html;
}

const URL_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
};
function escapeUrl(url: string): string {
  return url
    .replace(/\s/g, (c) => encodeURIComponent(c))
    .replace(/[&<>"'`]/g, (c) => URL_ESCAPES[c] ?? c);
}

function color(value: string | undefined): string {
  return value && HEX_COLOR.test(value) ? value : FALLBACK_COLOR;
}

/** An absolute http(s) URL as is; a path made absolute on the tenant public URL; anything else dropped. */
function absoluteUrl(value: string | null | undefined, base: string | undefined): string {
  if (!value) return '';
  if (/^https?:\/\//i.test(value)) return value;
  if (base && /^\/[^/\\]/.test(value)) return `${base}${value}`;
  return '';
}

/** One line, no control characters (a header cannot be split), no surrounding spaces. */
function toSubject(rendered: string): string {
  return (
    rendered
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** LF line ends, no trailing spaces, at most one blank line in a row, one final newline. */
function toText(rendered: string): string {
  return `${rendered
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
