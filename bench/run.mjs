#!/usr/bin/env node
// `pnpm bench`: starts the built API (and worker where a row needs it) on a bench database,
// loads them from this separate process over loopback, and prints one table.
import { fork, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { directoryRows } from './directory.mjs';
import {
  benchEnv,
  emailSeed,
  freePort,
  restingRss,
  rssOf,
  startWorker,
  waitFor,
} from './support.mjs';
import { startFloor } from './floor.mjs';
import { oidcRows } from './oidc.mjs';
import { tenantRows } from './tenants.mjs';
import { importRow, portalRows } from './portal.mjs';

const root = join(import.meta.dirname, '..');
const requireDb = createRequire(join(root, 'packages/db/package.json'));
const pg = requireDb('pg');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const baseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet');
// BENCH_DATABASE: another name lets two benches run side by side (the database is dropped first).
const BENCH_DB = process.env.BENCH_DATABASE ?? 'guichet_bench';
baseUrl.pathname = `/${BENCH_DB}`;
const startedAt = new Date();
// BENCH_ONLY=tenant,login,identity,portal,oidc,emails,tenants,import,directory runs only those
// groups of rows (the two hello-worlds always run: every ratio needs them; portal and oidc sign
// in with the accounts identity creates).
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wanted = (group) => !only || only.has(group);
const env = benchEnv({
  DATABASE_URL: baseUrl.toString(),
  REDIS_PREFIX: process.env.BENCH_REDIS_PREFIX ?? 'guichet-bench',
});

function load(port, options) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}${options.path ?? '/'}`,
        connections: CONNECTIONS,
        duration: DURATION,
        ...options,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

const run = (cmd, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });

// Fresh bench database.
const admin = new pg.Client({
  connectionString: baseUrl.toString().replace(`/${BENCH_DB}`, '/postgres'),
});
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
await admin.end();
await run(process.execPath, ['packages/db/dist/cli.js', 'migrate']);
await run(process.execPath, ['packages/db/dist/cli.js', 'seed']);

const rows = [];
const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
const helloPort = await freePort();
children.push(
  fork(join(import.meta.dirname, 'hello.mjs'), {
    env: { ...env, PORT: String(helloPort) },
    stdio: 'ignore',
  }),
);
await waitFor(helloPort, { path: '/' });
// The framework's floor: bare NestJS on the Fastify adapter.
const nestPort = await freePort();
children.push(
  fork(join(import.meta.dirname, 'hello-nest.mjs'), {
    env: { ...env, PORT: String(nestPort) },
    stdio: 'ignore',
  }),
);
await waitFor(nestPort, { path: '/' });
const apiPort = await freePort();
// The bench client is a trusted proxy, so that each simulated user has an address of its own (per-address limits).
const api = spawn(process.execPath, ['dist/main.js'], {
  cwd: join(root, 'apps/api'),
  env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1', TRUSTED_PROXIES: '127.0.0.1' },
  stdio: 'inherit',
});
children.push(api);
await waitFor(apiPort);
// At rest: started, nothing served yet but the readiness probe, idle for 20 s.
const apiAtRest = await restingRss(api.pid);
const TENANT_HEADERS = { host: 'cegepdeseptiles.localhost:3000' };
const LOGIN_HEADERS = { host: 'cegepdeseptiles.localhost:3000', accept: 'text/html' };
// The floor of the tenant and login rows: bare Nest sending the body and headers the API sent.
const floorPort = await freePort();
await startFloor({
  env,
  apiPort,
  port: floorPort,
  routes: {
    '/floor/tenant': ['/api/v1/tenant', TENANT_HEADERS],
    '/floor/login': ['/login', LOGIN_HEADERS],
  },
  children,
});
await waitFor(floorPort, { path: '/' });

const ratios = (value, hello, nest) =>
  `${(value / hello.requests.average).toFixed(2)} (${(value / nest.requests.average).toFixed(2)} of bare Nest)`;
const baselines = (hello, nest) =>
  `${Math.round(hello.requests.average)} bare Fastify, ${Math.round(nest.requests.average)} bare Nest (Fastify adapter) hello-world`;

try {
  const hello = await load(helloPort, {});
  const nest = await load(nestPort, {});
  rows.push({
    row: 'bare NestJS (Fastify adapter) hello-world: the framework floor',
    value: `${Math.round(nest.requests.average)} req/s (p99 ${nest.latency.p99} ms)`,
    baseline: `${Math.round(hello.requests.average)} req/s bare Fastify hello-world`,
    ratio: (nest.requests.average / hello.requests.average).toFixed(2),
  });
  // Tenant resolution from Host and the branded login page from its cache (warmed first), each
  // followed by its floor.
  for (const [group, row, path, headers] of [
    ['tenant', 'GET /api/v1/tenant (tenant resolved from Host)', '/api/v1/tenant', TENANT_HEADERS],
    ['login', 'GET /login (branded portal page, CSRF token per request)', '/login', LOGIN_HEADERS],
  ])
    if (wanted(group))
      rows.push(
        await httpRow({ row, path, headers }, hello, nest),
        await httpRow(floor(group), hello, nest),
      );
  if (wanted('identity')) rows.push(...(await identityRows()));
  const users = { username: (i) => `bench${i + 1}`, password: 'Bench-password-2026' };
  // Planner statistics as autovacuum keeps them in a running service: right after the bulk
  // inserts above they are missing, and the planner scans a tenant's users or sessions
  // (rotations 79/s, userinfo 0.01 of bare Fastify came from those plans, not from the code).
  await analyze();
  if (wanted('portal')) rows.push(...(await portalRows({ apiPort, load, hello, nest, users })));
  await analyze();
  // After the sign-in rows: their accounts sign in on the login form of the single sign-on flow.
  if (wanted('oidc'))
    rows.push(...(await oidcRows({ root, env, apiPort, apiPid: api.pid, hello, load, pg, users })));
  const afterLoad = rssOf(api.pid);
  rows.push({
    row: 'API RSS: at rest (started, idle 20 s, before any load) → after the rows above',
    value: `${Math.round(apiAtRest.rss)} → ${Math.round(afterLoad.rss)} MiB (peak ${Math.round(afterLoad.peak)} MiB)`,
    baseline: `goal at rest < 150 MiB (2 s after start: ${Math.round(apiAtRest.started)} MiB)`,
    ratio: '—',
  });
  if (wanted('emails')) rows.push(...(await emailRows()));
  // 1,000 tenants × 1,000 accounts against 2; 2 APIs against 1; 2 workers against 1 (own database).
  if (wanted('tenants')) rows.push(...(await tenantRows({ env, pg, children })));
  if (wanted('import')) rows.push(await importRow({ root, env }));
  if (wanted('directory')) rows.push(...(await directoryRows({ root, env })));
} finally {
  for (const c of children) c.kill('SIGTERM');
}

/** ANALYZE of the bench database (see where it is called). */
async function analyze() {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  await db.query('ANALYZE');
  await db.end();
}

/**
 * One HTTP row: `path` on `port` with `headers`, warmed 2 s, then loaded; its rate against
 * the bare hello-worlds of the same run.
 */
async function httpRow({ row, port = apiPort, path, headers }, hello, nest) {
  await load(port, { path, headers, duration: 2 });
  const result = await load(port, { path, headers });
  if (result.non2xx) throw new Error(`${path} answered ${result.non2xx} non-2xx`);
  return {
    row,
    value: `${Math.round(result.requests.average)} req/s (p99 ${result.latency.p99} ms)`,
    baseline: baselines(hello, nest),
    ratio: ratios(result.requests.average, hello, nest),
  };
}

/** Bare Nest sending what the API sent on the row before: what is left is payload and headers. */
function floor(name) {
  return {
    row: '  floor: bare Nest sending the same body and headers as the row above',
    port: floorPort,
    path: `/floor/${name}`,
  };
}

/** Sign-ins per second at the default argon2id parameters against the argon2id limit; forgot-password at 100 clients. */
async function identityRows() {
  const out = [];
  const requireApi = createRequire(join(root, 'apps/api/package.json'));
  const argon2 = requireApi('@node-rs/argon2');
  const { cpus } = await import('node:os');
  const cores = cpus().length;
  // Default parameters of the API (OWASP: 19 MiB, 2 iterations, 1 lane).
  const params = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }; // argon2id
  const password = 'Bench-password-2026';
  const hash = await argon2.hash(password, params);
  for (let i = 0; i < 5; i++) await argon2.verify(hash, password);
  const n = 40;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await argon2.verify(hash, password);
  const perHashMs = (performance.now() - t0) / n;
  const limit = (1000 / perHashMs) * cores;

  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const [{ id: tenantId }] = (
    await db.query("SELECT id FROM tenants WHERE slug = 'cegepdeseptiles'")
  ).rows;
  const ACCOUNTS = 4000;
  await db.query(
    `INSERT INTO users (tenant_id, username, first_name, last_name, email, password_hash, enrolled_at)
     SELECT $1, 'bench' || i, 'Banc', 'Essai' || i, 'bench' || i || '@example.ca', $2, now() FROM generate_series(1, $3) AS i`,
    [tenantId, hash, ACCOUNTS],
  );
  await db.query('ANALYZE users');

  let account = 0;
  // A distinct client address per request (the API trusts the bench as its proxy).
  let clientCounter = 0;
  const nextClient = () => {
    clientCounter += 1;
    return `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
  };
  const jsonPost = (path, body) => ({
    method: 'POST',
    path,
    headers: { host: 'cegepdeseptiles.localhost:3000', 'content-type': 'application/json' },
    setupRequest: (req) => ({
      ...req,
      headers: { ...req.headers, 'x-forwarded-for': nextClient() },
      body: JSON.stringify(body()),
    }),
  });
  const login = jsonPost('/api/v1/auth/login', () => ({
    username: `bench${(account++ % ACCOUNTS) + 1}`,
    password,
    remember: 'none',
  }));
  await load(apiPort, { requests: [login], connections: cores * 4, duration: 2 });
  const logins = await load(apiPort, { requests: [login], connections: cores * 4 });
  if (logins.non2xx) throw new Error(`sign-in answered ${logins.non2xx} non-2xx`);
  out.push({
    row: `sign-ins (POST /api/v1/auth/login, argon2id 19 MiB × 2, ${cores * 4} clients)`,
    value: `${logins.requests.average.toFixed(1)} logins/s (p99 ${logins.latency.p99} ms)`,
    baseline: `${limit.toFixed(1)} hashes/s limit (${perHashMs.toFixed(1)} ms per hash alone × ${cores} cores)`,
    ratio: (logins.requests.average / limit).toFixed(2),
  });

  const count = async (sql) => Number((await db.query(sql)).rows[0].n);
  const before = await count('SELECT count(*) AS n FROM email_deliveries');
  // Every request the API took on (202) is audited once its work has run: a 202 without its
  // audit event is a dropped request (answered, never worked).
  const auditedBefore = await count(
    "SELECT count(*) AS n FROM audit_events WHERE action = 'recovery.requested'",
  );
  const forgot = jsonPost('/api/v1/password/forgot', () => ({
    username: `bench${(account++ % ACCOUNTS) + 1}`,
  }));
  const forgotRun = await load(apiPort, { requests: [forgot], connections: 100 });
  const byStatus = Object.fromEntries(
    Object.entries(forgotRun.statusCodeStats ?? {}).map(([code, { count: n }]) => [code, n]),
  );
  const accepted = byStatus['202'] ?? 0;
  const busy = byStatus['503'] ?? 0;
  const other = Object.entries(byStatus).filter(([code]) => code !== '202' && code !== '503');
  if (other.length)
    throw new Error(`forgot-password answered ${other.map(([c, n]) => `${n} × ${c}`).join(', ')}`);
  // The work runs after each 202: wait until the audit log and the outbox stop growing.
  let written = -1;
  let audited = -1;
  for (let settled = 0; settled < 3;) {
    await new Promise((r) => setTimeout(r, 500));
    const nowWritten = (await count('SELECT count(*) AS n FROM email_deliveries')) - before;
    const nowAudited =
      (await count("SELECT count(*) AS n FROM audit_events WHERE action = 'recovery.requested'")) -
      auditedBefore;
    settled = nowWritten === written && nowAudited === audited ? settled + 1 : 0;
    written = nowWritten;
    audited = nowAudited;
  }
  await db.end();
  // Replies still in flight when the load stopped are worked but not counted by autocannon: never below 0.
  const dropped = Math.max(0, accepted - audited);
  out.push({
    row: 'forgot-password (POST /api/v1/password/forgot, 100 clients)',
    value: `${Math.round(forgotRun.requests.average)} req/s (p99 ${forgotRun.latency.p99} ms); ${dropped} dropped`,
    baseline: `${accepted} × 202 (${audited} worked, ${written} emails written to the outbox and enqueued, at most a few per account per hour), ${busy} × 503 busy, of ${forgotRun.requests.sent} sent`,
    ratio: '—',
  });
  if (dropped) console.error(`forgot-password: ${dropped} requests answered 202 were never worked`);
  return out;
}

/** Renders per second (one core) and emails per second end to end against nodemailer alone. */
async function emailRows() {
  const dist = (p) => import(join(root, p));
  const [{ render, samplePayload }, db, platform, { startSmtpSink }] = await Promise.all([
    dist('packages/mail/dist/index.js'),
    dist('packages/db/dist/index.js'),
    dist('packages/platform/dist/index.js'),
    dist('packages/testing/dist/index.js'),
  ]);
  const out = [];
  const seedTenant = db.SEED_TENANTS[0];
  const renderRequest = {
    tenant: {
      id: 'bench',
      name: seedTenant.name,
      settings: seedTenant.settings,
      version: 1,
      publicUrl: 'http://cegepdeseptiles.localhost:3000',
    },
    payload: samplePayload('password-reset', 'fr', 'bench'),
    link: 'http://cegepdeseptiles.localhost:3000/reset-password?token=x',
  };
  render(renderRequest);
  const started = performance.now();
  let renders = 0;
  while (performance.now() - started < 2000) {
    render(renderRequest);
    renders += 1;
  }
  out.push({
    row: 'render of the reset email (cached templates, one core)',
    value: `${Math.round(renders / ((performance.now() - started) / 1000))} renders/s`,
    baseline: '—',
    ratio: '—',
  });

  // Baseline: nodemailer alone, pooled, the same message to the same sink.
  const N = Number(process.env.BENCH_EMAILS ?? 2000);
  // Both sides first send WARM emails untimed (connections opened, code warm): steady state is measured.
  const WARM = 200;
  const sink = await startSmtpSink();
  const requireWorker = createRequire(join(root, 'apps/worker/package.json'));
  const nodemailer = requireWorker('nodemailer');
  const message = render(renderRequest);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    pool: true,
    maxConnections: 10,
  });
  const sendAlone = (n) =>
    Promise.all(
      Array.from({ length: n }, () =>
        transport.sendMail({ from: 'supportTI@cegepsi.ca', to: 'bench@example.ca', ...message }),
      ),
    );
  await sendAlone(WARM);
  let t0 = performance.now();
  await sendAlone(N);
  const alone = N / ((performance.now() - t0) / 1000);
  transport.close();
  sink.messages.length = 0;

  // End to end: outbox rows + jobs → worker process → the same sink.
  const { ds, queue, outbox } = await emailSeed({
    env,
    db,
    platform,
    username: 'bench',
    email: 'bench@example.ca',
    shownAs: 'bench',
  });
  const worker = await startWorker({ env, sink, children });
  const workerAtRest = await restingRss(worker.pid);
  const jobs = await outbox(WARM + N);
  // As many API requests would: enqueued concurrently.
  await Promise.all(jobs.slice(0, WARM).map((job) => platform.enqueueEmail(queue, job)));
  await sink.waitFor(WARM, 60_000);
  sink.messages.length = 0;
  t0 = performance.now();
  await Promise.all(jobs.slice(WARM).map((job) => platform.enqueueEmail(queue, job)));
  await sink.waitFor(N, 120_000);
  const e2e = N / ((performance.now() - t0) / 1000);
  worker.kill('SIGTERM');
  await queue.close();
  await ds.destroy();
  await sink.stop();
  out.push({
    row: `emails end to end (${N}: enqueue → worker renders → SMTP sink)`,
    value: `${Math.round(e2e)} emails/s`,
    baseline: `${Math.round(alone)} emails/s nodemailer alone, same message and sink`,
    ratio: (e2e / alone).toFixed(2),
  });
  out.push({
    row: 'worker RSS at rest (started, idle 20 s, before any job)',
    value: `${Math.round(workerAtRest.rss)} MiB`,
    baseline: `goal < 120 MiB (2 s after start: ${Math.round(workerAtRest.started)} MiB)`,
    ratio: '—',
  });
  return out;
}

const widths = ['row', 'value', 'baseline', 'ratio'].map((k) =>
  Math.max(k.length, ...rows.map((r) => String(r[k]).length)),
);
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
const os = await import('node:os');
console.log(
  `\nGuichet bench — ${startedAt.toISOString()}, ${DURATION}s per run, ${CONNECTIONS} connections, loopback, ${os.cpus().length} cores (load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')})\n`,
);
console.log(line(['row', 'value', 'baseline', 'ratio']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line([r.row, r.value, r.baseline, r.ratio]));
process.exit(0);
