#!/usr/bin/env node
// `pnpm bench`: starts the built API (and worker where a row needs it) on a bench database,
// loads them from this separate process over loopback, and prints one table.
import { fork, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import net from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = join(import.meta.dirname, '..');
const requireDb = createRequire(join(root, 'packages/db/package.json'));
const pg = requireDb('pg');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet');
baseUrl.pathname = '/guichet_bench';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: baseUrl.toString(),
  REDIS_PREFIX: 'guichet-bench',
  LOG_LEVEL: 'warn',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  ADMIN_BOOTSTRAP_EMAIL: 'bench@guichet.localhost',
  ADMIN_BOOTSTRAP_PASSWORD: 'bench-password-long-enough',
  JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
};

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitFor(port, path = '/health/live', host) {
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, host ? { headers: { 'x-bench-host': host } } : {});
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answers on ${port}`);
}

function load(port, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}${options.path ?? '/'}`, connections: CONNECTIONS, duration: DURATION, ...options }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

const run = (cmd, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });

// Fresh bench database.
const admin = new pg.Client({ connectionString: baseUrl.toString().replace('/guichet_bench', '/postgres') });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS guichet_bench WITH (FORCE)');
await admin.end();
await run(process.execPath, ['packages/db/dist/cli.js', 'migrate']);
await run(process.execPath, ['packages/db/dist/cli.js', 'seed']);

const rows = [];
const children = [];
const helloPort = await freePort();
children.push(fork(join(import.meta.dirname, 'hello.mjs'), { env: { ...env, PORT: String(helloPort) }, stdio: 'ignore' }));
await waitFor(helloPort, '/');
const apiPort = await freePort();
children.push(spawn(process.execPath, ['dist/main.js'], { cwd: join(root, 'apps/api'), env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1' }, stdio: 'inherit' }));
await waitFor(apiPort);

try {
  const hello = await load(helloPort, {});
  // Warm the tenant cache, then measure.
  await load(apiPort, { path: '/api/v1/tenant', headers: { host: 'cegepdeseptiles.localhost:3000' }, duration: 2 });
  const tenant = await load(apiPort, { path: '/api/v1/tenant', headers: { host: 'cegepdeseptiles.localhost:3000' } });
  if (tenant.non2xx) throw new Error(`GET /api/v1/tenant answered ${tenant.non2xx} non-2xx`);
  rows.push({
    row: 'GET /api/v1/tenant (tenant resolved from Host)',
    value: `${Math.round(tenant.requests.average)} req/s (p99 ${tenant.latency.p99} ms)`,
    baseline: `${Math.round(hello.requests.average)} req/s bare Fastify hello-world`,
    ratio: (tenant.requests.average / hello.requests.average).toFixed(2),
  });
} finally {
  for (const c of children) c.kill('SIGTERM');
}

const widths = ['row', 'value', 'baseline', 'ratio'].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\nGuichet bench — ${DURATION}s per run, ${CONNECTIONS} connections, loopback, ${(await import('node:os')).cpus().length} cores\n`);
console.log(line(['row', 'value', 'baseline', 'ratio']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line([r.row, r.value, r.baseline, r.ratio]));
process.exit(0);
