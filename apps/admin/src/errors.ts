import { ApiRequestError } from './api';
import type { TextKey } from './i18n';

/** A form stopped before sending: some fields are wrong (they say which). */
export class InvalidFormError extends Error {
  constructor() {
    super('invalid form');
    this.name = 'InvalidFormError';
  }
}

/** The API sent nothing: too many emails to this account this hour. */
export class ThrottledError extends Error {
  constructor() {
    super('throttled');
    this.name = 'ThrottledError';
  }
}

/** The catalog sentence for a failed call. */
export function errorKey(error: unknown): TextKey {
  if (error instanceof InvalidFormError) return 'checkFields';
  if (error instanceof ThrottledError) return 'resetThrottled';
  if (!(error instanceof ApiRequestError)) return 'unexpectedError';
  switch (error.status) {
    case 0:
      return 'networkError';
    case 400:
    case 422:
      return 'checkFields';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return 'conflict';
    case 413:
      return 'fileTooLarge';
    case 415:
      return 'unsupportedFile';
    case 429:
      return 'tooManyAttempts';
    default:
      return 'unexpectedError';
  }
}

/**
 * The API's own explanation, when it says something the catalog sentence cannot
 * (which line of a template, which host is taken). English: shown with lang="en".
 */
export function serverDetail(error: unknown): string | null {
  if (!(error instanceof ApiRequestError)) return null;
  if (![400, 409, 413, 415, 422].includes(error.status)) return null;
  const parts = [error.body.message];
  for (const [field, messages] of Object.entries(error.body.fields ?? {})) {
    for (const message of messages) parts.push(`${field}: ${message}`);
  }
  return parts.filter(Boolean).join(' — ') || null;
}

/** Field messages of a 400, keyed by the dotted path the API gives. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || error.status !== 400 || !error.body.fields) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.body.fields)) {
    if (messages.length) out[field] = messages.join(' ');
  }
  return out;
}

export function isStatus(error: unknown, status: number): boolean {
  return error instanceof ApiRequestError && error.status === status;
}
