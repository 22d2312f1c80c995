import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import {
  defaultClientConditions,
  defineConfig,
  loadEnv,
  type Plugin,
  type ProxyOptions,
} from 'vite';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|txt|xml)$/;

/**
 * `x.js.br` and `x.js.gz` beside each text file of dist/ (brotli at quality 11, gzip at 9),
 * each only where smaller than the file: the API sends them as they are, per Accept-Encoding.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'guichet:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const full = join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else if (COMPRESSIBLE.test(name)) write(full);
        }
      };
      const write = (full: string) => {
        const body = readFileSync(full);
        const copies: [string, Buffer][] = [
          [
            '.br',
            brotliCompressSync(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
          ],
          ['.gz', gzipSync(body, { level: 9 })],
        ];
        for (const [suffix, copy] of copies)
          if (copy.length < body.length) writeFileSync(full + suffix, copy);
      };
      walk(outDir);
    },
  };
}

/**
 * Dev server and build of the admin app.
 *
 * In production the API serves `dist/` on `admin.{BASE_DOMAIN}`, so the app and
 * `/api/v1/admin/…` share one origin. In dev, Vite serves the app and forwards `/api`
 * to the API with the Host header of the admin host: the API picks the admin app
 * (and refuses anything else) by Host, so it must see `admin.localhost:3000`, not
 * `localhost:5173`.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const apiUrl = env.GUICHET_API_URL ?? 'http://127.0.0.1:3000';
  const adminHost =
    env.GUICHET_ADMIN_HOST ??
    `admin.${env.BASE_DOMAIN ?? 'localhost'}:${new URL(apiUrl).port || '80'}`;
  const adminOrigin = `${new URL(apiUrl).protocol}//${adminHost}`;

  const apiProxy: Record<string, ProxyOptions> = {
    '/api': {
      target: apiUrl,
      // Keep our own Host rather than the target's (127.0.0.1:3000)…
      changeOrigin: false,
      // …and make it the admin host.
      headers: { host: adminHost },
      configure(proxy) {
        proxy.on('proxyReq', (proxyReq) => {
          proxyReq.setHeader('host', adminHost);
          // A browser on localhost:5173 sends that origin; the API only knows the admin host.
          if (proxyReq.getHeader('origin')) proxyReq.setHeader('origin', adminOrigin);
        });
      },
    },
  };

  return {
    base: '/',
    plugins: [react(), precompress()],
    resolve: {
      // `@guichet/types` exports its TypeScript source under this condition.
      conditions: ['@guichet/source', ...defaultClientConditions],
    },
    server: { port: 5173, strictPort: true, proxy: apiProxy },
    preview: { port: 4173, strictPort: true, proxy: apiProxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        // Building a zod schema has no side effect: one that no code of a chunk uses is left
        // out of it (the sign-in chunk takes the sign-in schema of @guichet/types, not every
        // schema of the package and the RE2 engine of the username rule).
        // The source of @guichet/types is declarations only: a module of it that no code of a
        // chunk uses is left out (as `"sideEffects": false` would say of a built package).
        treeshake: {
          manualPureFunctions: ['z'],
          moduleSideEffects: (id: string) => !/[\\/]packages[\\/]types[\\/]src[\\/]/.test(id),
        },
        output: {
          // React in a chunk of its own: it changes less often than the app, so stays cached.
          codeSplitting: {
            groups: [
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            ],
          },
        },
      },
    },
  };
});
