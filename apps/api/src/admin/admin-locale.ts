import { isLocale, type Locale } from '@guichet/types';
import type { FastifyRequest } from 'fastify';

/** The admin app's language from Accept-Language (fr, en or pt; English otherwise). */
export function adminLocale(request: FastifyRequest): Locale {
  const accept = request.headers['accept-language'];
  if (typeof accept !== 'string') return 'en';
  const ranked = accept
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((e) => Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((e) => isLocale(e.lang))?.lang as Locale | undefined ?? 'en';
}
