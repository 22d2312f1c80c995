import type { AdminLoginResponse, AdminView } from '@guichet/types';

/** What the app keeps of a sign-in, for the life of the browser tab. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer used. */
  expiresAt: number;
  admin: AdminView;
}

const SESSION_KEY = 'guichet.admin.session';
/** Stop using a token a little before the API would refuse it (clock skew, latency). */
const EXPIRY_MARGIN_MS = 5_000;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.expiresAt === 'number' &&
    typeof v.admin === 'object' &&
    v.admin !== null &&
    typeof v.admin.email === 'string'
  );
}

export function sessionFromLogin(response: AdminLoginResponse, now = Date.now()): Session {
  return {
    accessToken: response.accessToken,
    expiresAt: now + response.expiresIn * 1000 - EXPIRY_MARGIN_MS,
    admin: response.admin,
  };
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return now >= session.expiresAt;
}

/** The stored session, or null (an expired or unreadable one is removed). */
export function loadSession(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (isSession(parsed) && !isExpired(parsed)) return parsed;
  } catch {
    // Corrupt or unavailable storage: treat as signed out.
  }
  clearSession();
  return null;
}

export function saveSession(session: Session): void {
  try {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage unavailable: the session lasts until the page is reloaded.
  }
}

export function clearSession(): void {
  try {
    window.sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing to clear.
  }
}
