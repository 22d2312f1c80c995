import type { CSSProperties } from 'react';
import {
  LOCALES,
  resolveTenantTexts,
  type Branding,
  type Features,
  type Locale,
  type TenantSettings,
  type TenantTextKey,
} from '@guichet/types';
import { PORTAL_LANGUAGE_NAMES, PORTAL_PREVIEW_TEXTS, useI18n } from '../i18n';
import { PreviewFrame } from './preview-frame';

interface Props {
  tenantName: string;
  publicUrl: string;
  branding: Branding;
  /** The uploaded logo (a data: address): it takes the place of `branding.logoUrl`, as on the portal. */
  uploadedLogo?: string | null;
  texts: TenantSettings['texts'];
  defaultLocale: Locale;
  locales: Locale[];
  features: Features;
  locale: Locale;
  onLocale: (locale: Locale) => void;
}

/** A logo path is on the portal's host; an absolute URL is used as is (http(s) only). */
function assetUrl(value: string | null, publicUrl: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, publicUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const isHex = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);

/**
 * The tenant's login page as the portal renders it (same structure, same stylesheet rules,
 * same fallbacks), drawn from the form being edited: nothing is saved to see it.
 */
export function LoginPreview({
  tenantName,
  publicUrl,
  branding,
  uploadedLogo,
  texts,
  defaultLocale,
  locales,
  features,
  locale,
  onLocale,
}: Props) {
  const { t } = useI18n();
  const words = PORTAL_PREVIEW_TEXTS[locale];
  const own = texts[locale] ?? {};
  const resolved = resolveTenantTexts({ texts, defaultLocale }, locale);
  const text = (key: TenantTextKey, fallback?: string) => own[key] || fallback || resolved[key];

  const welcomeTitle = text('welcomeTitle', words.loginTitle);
  const subtitle = text('welcomeSubtitle', words.loginSubtitle);
  const footer = text('footer', words.footer);
  const portalName = text('portalName') || tenantName;
  const usernameHint = text('usernameHint');
  const passwordHint = text('passwordHint');
  const logo = uploadedLogo ?? assetUrl(branding.logoUrl, publicUrl);
  const style = {
    '--pp-primary': isHex(branding.primaryColor) ? branding.primaryColor : '#00548c',
    '--pp-accent': isHex(branding.accentColor) ? branding.accentColor : '#b3282d',
  } as CSSProperties;
  const enabled = LOCALES.filter((l) => locales.includes(l));

  return (
    <PreviewFrame name="login-preview" caption={t.previewCaption(t.localeName[locale])}>
      <div className="portal-preview" style={style} lang={locale}>
        <div className="pp-top">
          <span className="pp-brand">
            {logo && <img src={logo} alt={tenantName} referrerPolicy="no-referrer" />}
            <span data-testid="preview-portal-name">{portalName}</span>
          </span>
          <ul className="pp-langs" aria-label={words.languages}>
            {enabled.map((code) => (
              <li key={code}>
                <button
                  type="button"
                  lang={code}
                  aria-pressed={code === locale}
                  onClick={() => onLocale(code)}
                  data-testid={`preview-lang-${code}`}
                >
                  {PORTAL_LANGUAGE_NAMES[code]}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="pp-main">
          <p className="pp-h1" data-testid="preview-title">
            {welcomeTitle}
          </p>
          <p className="pp-subtitle" data-testid="preview-subtitle">
            {subtitle}
          </p>
          <div className="pp-field">
            <span className="pp-label">{words.username}</span>
            <span className="pp-input" aria-hidden="true" />
            {usernameHint && (
              <span className="pp-hint" data-testid="preview-username-hint">
                {usernameHint}
              </span>
            )}
          </div>
          <div className="pp-field">
            <span className="pp-label">{words.password}</span>
            <span className="pp-input" aria-hidden="true" />
            {passwordHint && <span className="pp-hint">{passwordHint}</span>}
          </div>
          <span className="pp-btn" data-testid="preview-submit">
            {words.submit}
          </span>
          <ul className="pp-links">
            {features.forgotPassword && <li>{words.forgot}</li>}
            {features.enrolment && <li>{words.register}</li>}
            {features.lookup && <li>{words.lookup}</li>}
          </ul>
          <div className="pp-remember">
            <span className="pp-label">{words.remember}</span>
            <span className="pp-radio">
              <span className="pp-dot" aria-hidden="true" /> {words.rememberAll}
            </span>
            <span className="pp-radio">
              <span className="pp-dot pp-dot-on" aria-hidden="true" /> {words.rememberUsername}
            </span>
            <span className="pp-radio">
              <span className="pp-dot" aria-hidden="true" /> {words.rememberNone}
            </span>
          </div>
        </div>
        <p className="pp-footer">{footer}</p>
      </div>
    </PreviewFrame>
  );
}
