/**
 * Redirect and post-logout URIs a client may register: absolute, no fragment, compared
 * exactly by the provider. https, except plain http to the loopback host names and, outside
 * production, to hosts of the development base domain.
 */
export function redirectUriProblem(
  uri: string,
  options: { baseDomain: string; production: boolean },
): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `${uri}: not an absolute URL`;
  }
  if (url.hash || uri.includes('#')) return `${uri}: a redirect URI has no fragment`;
  if (url.username || url.password) return `${uri}: a redirect URI carries no credentials`;
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return `${uri}: only https (or http to localhost) is allowed`;
  const host = url.hostname;
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  const devDomain =
    !options.production && (host === options.baseDomain || host.endsWith(`.${options.baseDomain}`));
  return loopback || devDomain
    ? null
    : `${uri}: http is allowed only to localhost, 127.0.0.1${options.production ? '' : ` and *.${options.baseDomain}`}; use https`;
}
