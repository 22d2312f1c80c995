import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv, type ProxyOptions } from 'vite';

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
    plugins: [react()],
    resolve: {
      // `@guichet/types` exports its TypeScript source under this condition.
      conditions: ['@guichet/source', ...defaultClientConditions],
    },
    server: { port: 5173, strictPort: true, proxy: apiProxy },
    preview: { port: 4173, strictPort: true, proxy: apiProxy },
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  };
});
