import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { ADMIN_HOST, createTestContext, type TestContext } from './support/test-app.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const INDEX = `<!doctype html><html lang="fr"><head><title>Guichet – Administration</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>`;
// Big and repetitive enough that brotli and gzip both shrink it (the build keeps smaller copies only).
const SCRIPT = `export const screens = [${Array.from({ length: 400 }, (_, i) => `'screen-${i}'`).join(',')}];\n`;
const STYLE = `.card{padding:1rem;margin:0 0 1rem}\n`.repeat(200);
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"/>';

/** A built admin app as Vite writes it: fingerprinted assets with their .br and .gz copies. */
function writeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-admin-dist-'));
  mkdirSync(join(dir, 'assets'));
  const write = (path: string, text: string, compressed: boolean) => {
    writeFileSync(join(dir, path), text);
    if (!compressed) return;
    writeFileSync(join(dir, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${path}.gz`), gzipSync(text));
  };
  write('index.html', INDEX, true);
  write('assets/index-Ab12Cd34.js', SCRIPT, true);
  // A copy in one encoding only (the other was not smaller).
  writeFileSync(join(dir, 'assets/index-Ef56Gh78.css'), STYLE);
  writeFileSync(join(dir, 'assets/index-Ef56Gh78.css.gz'), gzipSync(STYLE));
  // Too small to compress: no copies at all.
  write('favicon.svg', FAVICON, false);
  return dir;
}

describe('admin app files: precompressed per Accept-Encoding, fingerprinted assets cached a year', () => {
  let ctx: TestContext;
  let dist: string;

  beforeAll(async () => {
    dist = writeDist();
    ctx = await createTestContext({ ADMIN_DIST_DIR: dist });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    ctx.request(ADMIN_HOST, { method, path, headers });

  it('sends a script as brotli to a browser that accepts it, with its type, Vary and a year of immutable caching', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
    expect(res.bytes.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 3);
    expect(brotliDecompressSync(res.bytes).toString('utf8')).toBe(SCRIPT);
  });

  it('sends gzip where brotli is not accepted or refused with q=0, and the file as is without Accept-Encoding', async () => {
    for (const accept of ['gzip', 'gzip, deflate', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': accept });
      expect({ accept, encoding: res.headers['content-encoding'] }).toEqual({
        accept,
        encoding: 'gzip',
      });
      expect(gunzipSync(res.bytes).toString('utf8')).toBe(SCRIPT);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
    }
    const plain: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'zstd' },
    ];
    for (const headers of plain) {
      const res = await get('/assets/index-Ab12Cd34.js', headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(SCRIPT);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
    }
  });

  it('uses the copies there are: gzip only for the stylesheet, none for a file too small to compress', async () => {
    const css = await get('/assets/index-Ef56Gh78.css', { 'accept-encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(gunzipSync(css.bytes).toString('utf8')).toBe(STYLE);
    const icon = await get('/favicon.svg', { 'accept-encoding': 'br, gzip' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.body).toBe(FAVICON);
    // Not fingerprinted: revalidated, never immutable.
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html (also for client-side routes) compressed but never cached as immutable, under the admin CSP', async () => {
    for (const path of ['/', '/index.html', '/tenants/anything']) {
      const res = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.bytes).toString('utf8')).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['cache-control']).not.toMatch(/immutable|max-age/);
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    }
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(INDEX);
  });

  it('answers a revalidation of index.html with 304 for the same representation only', async () => {
    const br = await get('/', { 'accept-encoding': 'br' });
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    const etag = br.headers.etag!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(gz.headers.etag).not.toBe(etag);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers['cache-control']).toBe('no-cache');
    // The gzip copy's tag does not validate the brotli one.
    const other = await get('/', { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag! });
    expect(other.status).toBe(200);
    expect(brotliDecompressSync(other.bytes).toString('utf8')).toBe(INDEX);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.bytes.length).toBe(0);
  });

  it('answers 404 for an unknown asset and for the compressed copies themselves, never with index.html', async () => {
    for (const path of [
      '/assets/index-Zz99Yy88.js',
      '/assets/index-Ab12Cd34.js.br',
      '/assets/index-Ab12Cd34.js.gz',
      '/index.html.br',
      '/missing.png',
    ]) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body).toBe('Not found');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).not.toMatch(/immutable/);
    }
  });
});
