import { LOCALES, type Locale, resolveTenantTexts, type TenantTextKey } from '@guichet/types';
import { brandAssetPath } from '../branding/brand-asset-paths.js';
import { CSS_PATH, JS_PATH } from './assets.js';
import { LANGUAGE_NAMES, type MessageKey, translate } from './i18n/index.js';
import { escapeHtml, type PageName, renderPage } from './templates.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';

/** Catalog defaults of the tenant texts that have one. */
const TEXT_DEFAULTS: Partial<Record<TenantTextKey, MessageKey>> = {
  welcomeTitle: 'login.title',
  welcomeSubtitle: 'login.subtitle',
  footer: 'footer',
};

export interface PageRequest {
  tenant: TenantContext;
  locale: Locale;
  /** The path the language links point to (the page itself). */
  path: string;
  /** Query parameters the language links keep (the token of the reset page). */
  keep?: Record<string, string>;
  /** Set the `lang` cookie (the language was just chosen with ?lang=). */
  langChosen?: boolean;
}

/** A tenant text: the tenant's own for the locale, else the catalog default, else the tenant's other locales. */
export function tenantText(
  tenant: TenantContext,
  locale: Locale,
  key: TenantTextKey,
): string | undefined {
  const own = tenant.settings.texts[locale]?.[key];
  if (own) return own;
  const fallbackKey = TEXT_DEFAULTS[key];
  if (fallbackKey) return translate(locale, tenant.settings.defaultLocale, fallbackKey);
  return resolveTenantTexts(tenant.settings, locale)[key];
}

export function t(
  page: Pick<PageRequest, 'tenant' | 'locale'>,
  key: MessageKey,
  values?: Record<string, string | number>,
): string {
  return translate(page.locale, page.tenant.settings.defaultLocale, key, values);
}

function baseContext(page: PageRequest, title: string) {
  const { tenant, locale } = page;
  const enabled = LOCALES.filter((l) => tenant.settings.locales.includes(l));
  const langs = enabled.map((code) => {
    const query = new URLSearchParams({ ...page.keep, lang: code });
    return {
      code,
      name: LANGUAGE_NAMES[code],
      href: `${page.path}?${query.toString()}`,
      current: code === locale,
    };
  });
  return {
    locale,
    fallbackLocale: tenant.settings.defaultLocale,
    title,
    tenantName: tenant.name,
    portalName: tenantText(tenant, locale, 'portalName') ?? tenant.name,
    footer: tenantText(tenant, locale, 'footer'),
    logoUrl: tenant.assets?.logo
      ? brandAssetPath('logo', tenant.assets.logo)
      : tenant.settings.branding.logoUrl,
    faviconUrl: tenant.assets?.favicon
      ? brandAssetPath('favicon', tenant.assets.favicon)
      : tenant.settings.branding.faviconUrl,
    version: tenant.version,
    cssPath: CSS_PATH,
    jsPath: JS_PATH,
    langs,
    features: tenant.settings.features,
  };
}

export function render(
  name: PageName,
  page: PageRequest,
  titleKey: MessageKey | string,
  context: Record<string, unknown> = {},
): string {
  const title = titleKey.includes('.') ? t(page, titleKey as MessageKey) : titleKey;
  return renderPage(name, { ...baseContext(page, title), ...context } as never);
}

const CSRF_SLOT = '@@guichet-slot:csrf@@';
const USERNAME_SLOT = '@@guichet-slot:username@@';
const SLOT = /@@guichet-slot:(csrf|username)@@/g;

/**
 * The branded login page, rendered once per tenant version, locale, notice and error and
 * kept; a request only fills in its CSRF token and remembered username.
 */
export class LoginPageCache {
  private readonly pages = new Map<string, string[]>();
  private static readonly MAX = 500;

  get(
    page: PageRequest,
    variant: { notice?: MessageKey; error?: MessageKey },
    csrf: string,
    username: string,
  ): string {
    const key = `${page.tenant.id}|${page.tenant.version}|${page.locale}|${page.path}|${variant.notice ?? ''}|${variant.error ?? ''}`;
    let parts = this.pages.get(key);
    if (!parts) {
      const { tenant, locale } = page;
      const hint = tenantText(tenant, locale, 'usernameHint');
      const html = render(
        'login',
        page,
        tenantText(tenant, locale, 'welcomeTitle') ?? t(page, 'login.title'),
        {
          welcomeTitle: tenantText(tenant, locale, 'welcomeTitle'),
          welcomeSubtitle: tenantText(tenant, locale, 'welcomeSubtitle'),
          usernameHint: hint,
          usernameDescribedBy:
            [hint ? 'username-hint' : null, variant.error ? 'login-error' : null]
              .filter(Boolean)
              .join(' ') || undefined,
          usernameError: undefined,
          passwordHint: tenantText(tenant, locale, 'passwordHint'),
          notice: variant.notice,
          error: variant.error,
          csrf: CSRF_SLOT,
          username: USERNAME_SLOT,
        },
      );
      // Alternating static HTML and slot names: [html, 'csrf', html, 'username', html…].
      parts = html.split(SLOT);
      if (this.pages.size >= LoginPageCache.MAX) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(key, parts);
    }
    const values: Record<string, string> = {
      csrf: escapeHtml(csrf),
      username: escapeHtml(username),
    };
    return parts.map((p, i) => (i % 2 === 1 ? values[p]! : p)).join('');
  }
}
