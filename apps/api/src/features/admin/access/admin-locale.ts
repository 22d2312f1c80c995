import { isLocale, type Locale } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { acceptedLanguages } from '../../../platform/request/request-meta.js';

/** The admin app's language from Accept-Language (fr, en or pt; English otherwise). */
export function adminLocale(request: FastifyRequest): Locale {
  return acceptedLanguages(request).find(isLocale) ?? 'en';
}
