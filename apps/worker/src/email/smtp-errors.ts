/** 5xx replies (recipient rejected, message refused) will not succeed on retry; the rest may. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A short, secret-free description of a send failure for the delivery record. */
export function describeSmtpFailure(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const parts = [e.responseCode ? String(e.responseCode) : e.code, (e.response ?? e.message ?? 'unknown error').replace(/\s+/g, ' ')];
  return parts.filter(Boolean).join(' ').slice(0, 500);
}

/** Exponential backoff with full jitter in [0.5, 1.5) of the nominal delay. */
export function retryDelay(attemptsMade: number, baseMs: number, random = Math.random): number {
  const nominal = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(Math.min(nominal, 60 * 60_000) * (0.5 + random()));
}
