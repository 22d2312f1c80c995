import type { EmailKind, EmailPayload, Locale } from '@guichet/types';

/**
 * An example payload of a kind, for admin previews of a template (with a link such as
 * `${publicUrl}/reset-password?token=EXAMPLE`): a preview goes through the same `render`.
 */
export function samplePayload(
  kind: EmailKind,
  locale: Locale,
  tenantId: string,
  now: Date = new Date(),
): EmailPayload {
  const base = {
    tenantId,
    version: 1 as const,
    locale,
    recipient: { name: 'Jean Tremblay', email: 'jean.tremblay@example.org' },
  };
  switch (kind) {
    case 'password-reset':
      return { ...base, kind, data: { username: 'trej', expiresInMinutes: 60 } };
    case 'enrolment':
      return { ...base, kind, data: { username: 'trej', expiresInMinutes: 60 } };
    case 'already-enrolled':
      return { ...base, kind, data: { username: 'trej' } };
    case 'password-changed':
      return { ...base, kind, data: { username: 'trej', changedAt: now.toISOString() } };
    case 'email-changed':
      return { ...base, kind, data: { username: 'trej', changedAt: now.toISOString() } };
    case 'test-email':
      return { ...base, kind, data: { requestedBy: 'admin@example.org' } };
    default:
      throw new RangeError(`unknown email kind "${String(kind)}"`);
  }
}
