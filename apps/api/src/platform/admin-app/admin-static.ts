import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../../../admin/dist', import.meta.url));

/**
 * The built admin app, held in memory (a few hundred kB): hashed assets are cached
 * forever, every other path gets index.html (client-side routes).
 */
export class AdminStatic {
  private readonly files = new Map<string, StaticFile>();
  private readonly csp: string;

  /** `frameSources`: the portals the app may show in a frame (its live preview of `/login`). */
  constructor(dir: string, frameSources: readonly string[] = []) {
    this.csp = [
      "default-src 'self'",
      "img-src 'self' data: https:",
      "style-src 'self' 'unsafe-inline'",
      `frame-src ${frameSources.length ? frameSources.join(' ') : "'none'"}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; ');
    if (!existsSync(join(dir, 'index.html'))) return;
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else {
          const path = `/${relative(dir, full).split('\\').join('/')}`;
          this.files.set(path, {
            body: readFileSync(full),
            type: TYPES[extname(name)] ?? 'application/octet-stream',
            immutable: path.startsWith('/assets/'),
          });
        }
      }
    };
    walk(dir);
  }

  get available(): boolean {
    return this.files.size > 0;
  }

  serve(path: string, reply: FastifyReply): FastifyReply {
    const file =
      this.files.get(path) ?? (extname(path) ? undefined : this.files.get('/index.html'));
    if (!file) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    return reply
      .type(file.type)
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', this.csp)
      .header('referrer-policy', 'no-referrer')
      .send(file.body);
  }
}
