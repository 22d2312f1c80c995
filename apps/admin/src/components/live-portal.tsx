import type { Locale, TenantDetail } from '@guichet/types';
import { PreviewFrame } from './preview-frame';
import { useI18n } from '../i18n';

type Here = Pick<Location, 'protocol' | 'hostname' | 'port'>;

const ADMIN_PREFIX = 'admin.';

/**
 * The origin of the tenant's portal that this page may show in a frame, or null. Served by
 * the API on `admin.{BASE_DOMAIN}`, the app may frame `{scheme}://*.{BASE_DOMAIN}[:port]`
 * and nothing else (the `frame-src` of the admin host): the public URL when it is there,
 * else one of the tenant's host names that is. Served by Vite in development (no such
 * policy), the public URL as it is.
 */
export function framablePortalOrigin(
  publicUrl: string,
  hostNames: readonly string[],
  here: Here,
): string | null {
  if (!here.hostname.startsWith(ADMIN_PREFIX)) {
    try {
      return new URL(publicUrl).origin;
    } catch {
      return null;
    }
  }
  const baseDomain = here.hostname.slice(ADMIN_PREFIX.length);
  const port = here.port ? `:${here.port}` : '';
  const candidates = [publicUrl, ...hostNames.map((host) => `${here.protocol}//${host}${port}`)];
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate);
      if (
        url.protocol === here.protocol &&
        url.port === here.port &&
        url.hostname.endsWith(`.${baseDomain}`) &&
        url.hostname !== here.hostname
      )
        return url.origin;
    } catch {
      // Not a URL: try the next.
    }
  }
  return null;
}

interface Props {
  tenant: TenantDetail;
  locale: Locale;
}

/**
 * The tenant's real login page, as the portal serves it now: what was saved, not the form.
 * The address carries the settings version, so each save loads it again. Sandboxed: its own
 * script runs (the show-password button) in an opaque origin, without the portal's cookies
 * or storage, and no form can be sent from it (a look, not a second sign-in page).
 */
export function LivePortal({ tenant, locale }: Props) {
  const { t } = useI18n();
  const origin = framablePortalOrigin(tenant.publicUrl, tenant.hostNames, window.location);
  const src = origin ? `${origin}/login?lang=${locale}&v=${tenant.version}` : null;
  const portalLink = `${tenant.publicUrl.replace(/\/+$/, '')}/login?lang=${locale}`;

  return (
    <PreviewFrame
      name="live-portal"
      caption={t.livePortalCaption(t.localeName[locale])}
      className="live-portal"
    >
      {src ? (
        <iframe
          key={src}
          src={src}
          title={t.livePortalFrameTitle(tenant.name)}
          className="live-portal-frame"
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
          data-testid="live-portal-frame"
          data-version={tenant.version}
        />
      ) : (
        <p className="notice notice-info" data-testid="live-portal-unavailable">
          {t.livePortalUnavailable}
        </p>
      )}
      <p className="field-hint">
        {t.livePortalHint}{' '}
        <a
          href={portalLink}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="live-portal-link"
        >
          {t.openPortalInNewTab}
        </a>
      </p>
    </PreviewFrame>
  );
}
