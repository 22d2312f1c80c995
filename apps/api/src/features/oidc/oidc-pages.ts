import type { FastifyRequest } from 'fastify';
import type { Locale } from '@guichet/types';
import type { MessageKey } from '../portal/i18n/index.js';
import { type PageRequest, render } from '../portal/portal-views.js';
import { requestLocale } from '../../platform/request/request-meta.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

/** What the issuer's own pages (consent, sign-out, errors) allow: the portal's assets and forms to itself. */
export function oidcPageCsp(formTargets: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    `form-action 'self'${formTargets.length ? ` ${formTargets.join(' ')}` : ''}`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The origin a form's response redirects to, for form-action: browsers check it on every
 * redirect that follows a form submission.
 */
export function originsOf(uri: unknown): string[] {
  if (typeof uri !== 'string') return [];
  try {
    const { origin } = new URL(uri);
    return origin === 'null' ? [] : [origin];
  } catch {
    return [];
  }
}

/** The request parts the portal's language choice reads, from a Koa context of the provider. */
export interface LocaleSource {
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  cookie(name: string): string | undefined;
}

export function localeOf(tenant: TenantContext, source: LocaleSource): Locale {
  const shim = {
    query: source.query,
    headers: source.headers,
    cookies: { lang: source.cookie('lang') },
  } as unknown as FastifyRequest;
  return requestLocale(shim, tenant);
}

export function oidcPage(tenant: TenantContext, locale: Locale, path: string): PageRequest {
  return { tenant, locale, path };
}

/** A portal message page (the error and "expired" pages of the issuer). */
export function messagePage(page: PageRequest, heading: MessageKey, body: MessageKey): string {
  return render('message', page, heading, { heading, body, alert: true });
}

export function logoutPage(page: PageRequest, logoutForm: string): string {
  return render('logoutConfirm', page, 'oidc.logout.title', { logoutForm });
}

export function consentPage(
  page: PageRequest,
  input: { clientName: string; scopes: string[]; action: string; csrf: string },
): string {
  const known = ['openid', 'profile', 'email', 'offline_access'];
  const scopes = input.scopes.filter((s) => known.includes(s)).map((s) => `oidc.claim.${s}`);
  return render('consent', page, 'oidc.consent.title', {
    clientName: input.clientName,
    scopes,
    action: input.action,
    csrf: input.csrf,
  });
}
