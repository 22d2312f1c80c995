import { createHash } from 'node:crypto';
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

/** Encodings the build writes beside a file (`x.js.br`, `x.js.gz`), in the order we prefer them. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

interface StaticFile {
  /** The file as built, and its compressed copies where the build made them (smaller only). */
  bodies: { identity: Buffer } & Partial<Record<Encoding, Buffer>>;
  encodings: Encoding[];
  type: string;
  /** Fingerprinted by the build (`/assets/…-{hash}.js`): cached a year. Anything else is revalidated. */
  immutable: boolean;
  /** Of the content whatever its encoding; each encoding gets its own suffix. */
  etag: string;
}

export const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../../../admin/dist', import.meta.url));

const isCompressedCopy = (name: string) => ENCODINGS.some((e) => name.endsWith(e.suffix));

/**
 * The built admin app, held in memory (a few hundred kB): hashed assets are cached
 * forever, every other path gets index.html (client-side routes). Each file goes out as
 * the build precompressed it (brotli, else gzip) when the browser accepts that, as is otherwise.
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
        else if (!isCompressedCopy(name)) this.add(dir, full);
      }
    };
    walk(dir);
  }

  private add(dir: string, full: string) {
    const path = `/${relative(dir, full).split('\\').join('/')}`;
    const identity = readFileSync(full);
    const bodies: StaticFile['bodies'] = { identity };
    const encodings: Encoding[] = [];
    for (const { name, suffix } of ENCODINGS) {
      if (!existsSync(full + suffix)) continue;
      bodies[name] = readFileSync(full + suffix);
      encodings.push(name);
    }
    this.files.set(path, {
      bodies,
      encodings,
      type: TYPES[extname(full)] ?? 'application/octet-stream',
      immutable: path.startsWith('/assets/'),
      etag: createHash('sha256').update(identity).digest('base64url').slice(0, 22),
    });
  }

  get available(): boolean {
    return this.files.size > 0;
  }

  serve(path: string, reply: FastifyReply): FastifyReply {
    const file =
      this.files.get(path) ?? (extname(path) ? undefined : this.files.get('/index.html'));
    if (!file)
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .send('Not found');
    const { headers } = reply.request;
    const encoding = negotiateEncoding(headers['accept-encoding'], file.encodings);
    const etag = `"${file.etag}${encoding ? `-${encoding}` : ''}"`;
    void reply
      .type(file.type)
      .header('vary', 'Accept-Encoding')
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', this.csp)
      .header('referrer-policy', 'no-referrer');
    if (encoding) void reply.header('content-encoding', encoding);
    if (notModified(headers['if-none-match'], etag)) return reply.status(304).send();
    return reply.send(encoding ? file.bodies[encoding] : file.bodies.identity);
  }
}

/**
 * The encoding of `offered` (in our order of preference) that `Accept-Encoding` rates highest,
 * or null for the file as is: `q=0` refuses one, `*` stands for any not named.
 */
export function negotiateEncoding(
  header: string | string[] | undefined,
  offered: readonly Encoding[],
): Encoding | null {
  if (!offered.length || typeof header !== 'string') return null;
  const rated = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.split(';').map((p) => p.trim());
    if (!token) continue;
    const q = params.find((p) => /^q=/i.test(p));
    const value = q ? Number(q.slice(2)) : 1;
    rated.set(token.toLowerCase(), Number.isFinite(value) ? value : 0);
  }
  let best: Encoding | null = null;
  let bestQ = 0;
  for (const name of offered) {
    const q = rated.get(name) ?? rated.get('*') ?? 0;
    if (q > bestQ) [best, bestQ] = [name, q];
  }
  return best;
}

/** `If-None-Match` names this representation (or `*`): weak comparison, as for GET. */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
