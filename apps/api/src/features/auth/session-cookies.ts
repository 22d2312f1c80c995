import type { Remember } from '@guichet/types';

/**
 * The portal's cookies. With secure cookies (production, HTTPS) they carry the `__Host-`
 * prefix (Secure, Path=/, no Domain: bound to the exact portal host, so a cookie of one
 * tenant never reaches another); over plain HTTP in development the names are unprefixed.
 */
export interface CookieSpec {
  name: string;
  value: string;
  options: {
    path: '/';
    httpOnly: true;
    secure: boolean;
    /** `none` (with Partitioned) only for a tenant whose portal is embedded in a Teams tab. */
    sameSite: 'lax' | 'none';
    partitioned?: boolean;
    /** Seconds; absent for a browser-session cookie. */
    maxAge?: number;
    expires?: Date;
  };
}

export interface CookieNames {
  /** The refresh token: the sign-in session. */
  session: string;
  /** The remembered username (remember = all | username). */
  username: string;
}

/** How long a remembered username stays (browsers cap cookies at 400 days). */
export const USERNAME_COOKIE_DAYS = 365;
/** Server-side lifetime of a session kept in a browser-session cookie (remember = username | none). */
export const SESSION_ONLY_HOURS = 12;

export function cookieNames(secure: boolean): CookieNames {
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}guichet_session`, username: `${prefix}guichet_username` };
}

/**
 * In a Teams tab the portal is a third-party frame: its cookies reach it only with
 * `SameSite=None; Secure`, and `Partitioned` (CHIPS) keeps them working where browsers block
 * third-party cookies — they are then bound to Teams' site as well as the portal host. Forms
 * stay protected by their CSRF token. Over plain HTTP (development) a browser drops
 * `SameSite=None` cookies, so there it stays `Lax`.
 */
export const cookieAttributes = (secure: boolean, embeddable = false) =>
  secure && embeddable
    ? {
        path: '/' as const,
        httpOnly: true as const,
        secure,
        sameSite: 'none' as const,
        partitioned: true,
      }
    : { path: '/' as const, httpOnly: true as const, secure, sameSite: 'lax' as const };

/** The session cookie: persistent for `remember = all`, else gone when the browser closes. */
export function sessionCookie(
  secure: boolean,
  token: string,
  maxAgeSeconds: number | null,
  embeddable = false,
): CookieSpec {
  const options = cookieAttributes(secure, embeddable);
  return {
    name: cookieNames(secure).session,
    value: token,
    options: maxAgeSeconds === null ? options : { ...options, maxAge: maxAgeSeconds },
  };
}

export function usernameCookie(secure: boolean, username: string, embeddable = false): CookieSpec {
  return {
    name: cookieNames(secure).username,
    value: username,
    options: { ...cookieAttributes(secure, embeddable), maxAge: USERNAME_COOKIE_DAYS * 86_400 },
  };
}

/** A cookie that removes one (same attributes, so the `__Host-` rules still hold). */
export function clearedCookie(secure: boolean, name: string, embeddable = false): CookieSpec {
  return {
    name,
    value: '',
    options: { ...cookieAttributes(secure, embeddable), maxAge: 0, expires: new Date(0) },
  };
}

/**
 * The cookies a sign-in sets for each remember mode:
 * - `all`: persistent session cookie (the tenant's refresh lifetime) and username cookie;
 * - `username`: browser-session session cookie, persistent username cookie;
 * - `none`: browser-session session cookie, username cookie cleared.
 */
export function signInCookies(
  mode: Remember,
  input: {
    secure: boolean;
    token: string;
    username: string;
    refreshDays: number;
    embeddable?: boolean;
  },
): CookieSpec[] {
  const { secure, embeddable } = input;
  const session = sessionCookie(
    secure,
    input.token,
    mode === 'all' ? input.refreshDays * 86_400 : null,
    embeddable,
  );
  const username =
    mode === 'none'
      ? clearedCookie(secure, cookieNames(secure).username, embeddable)
      : usernameCookie(secure, input.username, embeddable);
  return [session, username];
}

/**
 * The longest a sign-in lasts, however often it is refreshed, from the password sign-in:
 * a remembered (`all`) one at least this many days (or the tenant's refresh lifetime, if
 * longer: it is never cut short)…
 */
export const REMEMBERED_SESSION_MAX_DAYS = 90;
/** …and a browser-session one this many hours (a shift and then some). */
export const SESSION_ONLY_MAX_HOURS = 24;

/** Server-side lifetime of a session, in seconds (sliding: renewed at each refresh). */
export function sessionLifetimeSeconds(persistent: boolean, refreshDays: number): number {
  return persistent ? refreshDays * 86_400 : SESSION_ONLY_HOURS * 3600;
}

/** Absolute lifetime of a sign-in and all its refreshes, in seconds, counted from the sign-in. */
export function sessionMaxSeconds(persistent: boolean, refreshDays: number): number {
  return persistent
    ? Math.max(refreshDays, REMEMBERED_SESSION_MAX_DAYS) * 86_400
    : SESSION_ONLY_MAX_HOURS * 3600;
}
