import { SmtpTargetRefused } from '@guichet/platform';

type SmtpError = {
  responseCode?: unknown;
  code?: string;
  originalCode?: string;
  response?: string;
  message?: string;
  command?: string;
};

/** Node's and OpenSSL's codes of a failed TLS handshake or certificate check, which nodemailer keeps as `originalCode`. */
const TLS_FAILURE = /^ERR_(TLS|SSL)_|CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

/** 5xx replies (recipient rejected, message refused) will not succeed on retry, nor will a server the rules refuse; the rest may. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  if (error instanceof SmtpTargetRefused) return true;
  const code = (error as SmtpError)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * What the delivery record keeps of a failure, shown to tenant admins: the SMTP reply code
 * (and its enhanced status code) and what kind of failure it was, never the remote server's
 * own text — a tenant's server may be anything, and its banner or error text must not come
 * back through the platform. The operator's log has the details (smtpFailureDetail).
 */
export function describeSmtpFailure(error: unknown): string {
  if (error instanceof SmtpTargetRefused)
    return 'not sent: the SMTP server is on an address or port that is not allowed';
  const e = (error ?? {}) as SmtpError;
  if (typeof e.responseCode === 'number') {
    const enhanced = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(e.response ?? '')?.[1];
    const status = enhanced ? `${e.responseCode} ${enhanced}` : String(e.responseCode);
    const temporary = e.responseCode < 500;
    if (e.code === 'EAUTH')
      return `${status}: the SMTP server refused the sign-in (user name or password)`;
    if (e.code === 'ETLS' || e.command === 'STARTTLS')
      return `${status}: the SMTP server did not accept TLS (STARTTLS), which is required`;
    if (e.code === 'EENVELOPE')
      return `${status}: the SMTP server ${temporary ? 'temporarily refused' : 'refused'} the sender or the recipient`;
    return `${status}: the SMTP server ${temporary ? 'temporarily refused' : 'refused'} the message`;
  }
  if (e.code === 'ETLS' || TLS_FAILURE.test(e.originalCode ?? ''))
    return 'the TLS connection to the SMTP server failed (certificate or protocol)';
  if (e.code === 'EDNS' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return 'the SMTP server\u2019s name did not resolve';
  if (e.code === 'EAUTH') return 'the SMTP server refused the sign-in (user name or password)';
  return 'could not connect to the SMTP server, or it closed the connection';
}

/** The failure in full for the operator's log (the remote reply included; never a password, which nodemailer does not put in errors). */
export function smtpFailureDetail(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  const parts = [
    typeof e.responseCode === 'number' ? String(e.responseCode) : e.code,
    (e.response ?? e.message ?? 'unknown error').replace(/\s+/g, ' '),
  ];
  return parts.filter(Boolean).join(' ').slice(0, 1000);
}

/** Exponential backoff with full jitter in [0.5, 1.5) of the nominal delay. */
export function retryDelay(attemptsMade: number, baseMs: number, random = Math.random): number {
  const nominal = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(Math.min(nominal, 60 * 60_000) * (0.5 + random()));
}
