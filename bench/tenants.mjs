#!/usr/bin/env node
// Scale rows of `pnpm bench` (also `node bench/tenants.mjs` alone, after `pnpm build`):
// tenant resolution, sign-in and forgot-password p99 with 2 tenants and then with 1,000
// tenants × 1,000 accounts in the same database; forgot-password on 2 APIs against 1;
// emails per second with 2 workers against 1; the RSS of the API and the worker at rest
// and after load (the Kubernetes memory requests come from these).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchEnv, emailSeed, freePort, restingRss, startWorker, waitFor } from './support.mjs';

const root = join(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000);
const ACCOUNTS = Number(process.env.BENCH_TENANT_ACCOUNTS ?? 1000);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 1000);

// Up to 3 minutes for a process to answer: with 1,000 tenants in the database it starts slower.
const TRIES = 1800;

/** RSS (and its peak) of a process, in MiB, from /proc. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

const load = (port, options) =>
  new Promise((resolve, reject) =>
    autocannon(
      { url: `http://127.0.0.1:${port}`, connections: 50, duration: SECONDS, ...options },
      (err, result) => (err ? reject(err) : resolve(result)),
    ),
  );

let clients = 0;
const nextClient = () => {
  clients += 1;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
};
/** Requests spread over `hosts` and accounts `user1…userN` of each, each from its own address. */
const spread = (hosts, method, path, body) => {
  let i = 0;
  return {
    method,
    path,
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      i += 1;
      const host = hosts[i % hosts.length];
      const account = `user${(Math.floor(i / hosts.length) % ACCOUNTS) + 1}`;
      return {
        ...req,
        headers: { ...req.headers, host: `${host}:3000`, 'x-forwarded-for': nextClient() },
        ...(body ? { body: JSON.stringify(body(account)) } : {}),
      };
    },
  };
};

/**
 * @param {{ env: Record<string,string>, pg: any, children: import('node:child_process').ChildProcess[] }} ctx
 */
export async function tenantRows({ env, pg, children }) {
  const requireApi = createRequire(join(root, 'apps/api/package.json'));
  const argon2 = requireApi('@node-rs/argon2');
  const url = new URL(env.DATABASE_URL);
  url.pathname = '/guichet_bench_tenants';
  const dbEnv = { ...env, DATABASE_URL: url.toString(), REDIS_PREFIX: 'guichet-bench-tenants' };
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS guichet_bench_tenants WITH (FORCE)');
  await admin.end();
  const run = (args) =>
    new Promise((resolve, reject) =>
      spawn(process.execPath, args, { cwd: root, env: dbEnv, stdio: 'inherit' }).on('exit', (c) =>
        c === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${c}`)),
      ),
    );
  await run(['packages/db/dist/cli.js', 'migrate']);
  await run(['packages/db/dist/cli.js', 'seed']);
  const db = new pg.Client({ connectionString: dbEnv.DATABASE_URL });
  await db.connect();
  const password = 'Bench-password-2026';
  const hash = await argon2.hash(password, {
    algorithm: 2, // argon2id, at the API's default cost
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const addAccounts = (where) =>
    db.query(
      `INSERT INTO users (tenant_id, username, first_name, last_name, email, password_hash, enrolled_at)
       SELECT t.id, 'user' || n, 'Banc', 'Essai' || n, 'user' || n || '@' || t.slug || '.example.ca', $1, now()
         FROM tenants t, generate_series(1, $2::int) AS n WHERE ${where}`,
      [hash, ACCOUNTS],
    );
  await addAccounts(`t.slug IN ('cegepdeseptiles', 'monteregie')`);
  await db.query('ANALYZE');

  const startApi = async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, ['dist/main.js'], {
      cwd: join(root, 'apps/api'),
      env: { ...dbEnv, PORT: String(port), HOST: '127.0.0.1', TRUSTED_PROXIES: '127.0.0.1' },
      stdio: 'inherit',
    });
    children.push(proc);
    await waitFor(port, { tries: TRIES });
    return { port, proc };
  };
  const api = await startApi();
  const atRest = await restingRss(api.proc.pid);

  const resolveTenants = (hosts, duration = SECONDS) =>
    load(api.port, { duration, requests: [spread(hosts, 'GET', '/api/v1/tenant')] });
  // Until the forgot-password work of the last load has been done (its rows leave
  // account_requests), then vacuumed and checkpointed: the next figures start from a quiet
  // database, not behind that work, autovacuum or a checkpoint of the bulk insert.
  const settle = async () => {
    for (const until = Date.now() + 120_000; Date.now() < until;) {
      const [{ left }] = (await db.query('SELECT count(*)::int AS left FROM account_requests'))
        .rows;
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await db.query('VACUUM ANALYZE');
    await db.query('CHECKPOINT');
  };
  const measure = async (hosts, { withTenant = true } = {}) => {
    const tenant = withTenant ? await resolveTenants(hosts) : null;
    const signIn = await load(api.port, {
      connections: 8,
      requests: [
        spread(hosts, 'POST', '/api/v1/auth/login', (username) => ({
          username,
          password,
          remember: 'none',
        })),
      ],
    });
    const forgot = await load(api.port, {
      connections: 100,
      requests: [spread(hosts, 'POST', '/api/v1/password/forgot', (username) => ({ username }))],
    });
    for (const [name, r] of [
      ['tenant', tenant],
      ['sign-in', signIn],
      ['forgot', forgot],
    ])
      if (r?.non2xx) throw new Error(`${name} with ${hosts.length} tenants: ${r.non2xx} non-2xx`);
    return { tenant, signIn, forgot };
  };
  const seedHosts = ['cegepdeseptiles.localhost', 'monteregie.localhost'];
  // Warm both paths, then the two-tenant figures.
  await load(api.port, { duration: 2, requests: [spread(seedHosts, 'GET', '/api/v1/tenant')] });
  const two = await measure(seedHosts);

  const t0 = performance.now();
  await db.query(
    `INSERT INTO tenants (slug, name, public_url)
     SELECT 'bench' || n, 'Établissement ' || n, 'http://bench' || n || '.localhost:3000'
       FROM generate_series(1, $1::int) AS n`,
    [TENANTS - 2],
  );
  await db.query(
    `INSERT INTO tenant_hosts (tenant_id, host_name, is_primary)
     SELECT id, slug || '.localhost', true FROM tenants WHERE slug LIKE 'bench%'`,
  );
  await db.query(
    `INSERT INTO tenant_settings (tenant_id, settings)
     SELECT t.id, s.settings FROM tenants t,
            (SELECT settings FROM tenant_settings ts JOIN tenants c ON c.id = ts.tenant_id WHERE c.slug = 'cegepdeseptiles') s
      WHERE t.slug LIKE 'bench%'`,
  );
  await addAccounts(`t.slug LIKE 'bench%'`);
  await db.query('ANALYZE');
  const insertSeconds = (performance.now() - t0) / 1000;
  const [{ n: users }] = (await db.query('SELECT count(*)::int AS n FROM users')).rows;
  const allHosts = [
    ...seedHosts,
    ...Array.from({ length: TENANTS - 2 }, (_, i) => `bench${i + 1}.localhost`),
  ];
  await settle();
  await resolveTenants(allHosts, 2);
  // Tenant resolution with 1,000 tenants against 2, in the same state: the same process and
  // database, rounds in turn, the median p99 of each.
  const turns = { two: [], many: [] };
  for (let round = 0; round < 3; round++) {
    turns.two.push(await resolveTenants(seedHosts, SECONDS / 2));
    turns.many.push(await resolveTenants(allHosts, SECONDS / 2));
  }
  for (const r of [...turns.two, ...turns.many])
    if (r.non2xx) throw new Error(`tenant resolution in turns: ${r.non2xx} non-2xx`);
  const median = (results) =>
    [...results].sort((a, b) => a.latency.p99 - b.latency.p99)[Math.floor(results.length / 2)];
  const many = await measure(allHosts, { withTenant: false });
  const afterLoad = memory(api.proc.pid);

  const rows = [];
  // Each row is printed as soon as it is measured (a long run that fails later keeps them).
  const push = rows.push.bind(rows);
  rows.push = (...items) => {
    for (const r of items)
      console.error(`[tenants bench] ${r.row} | ${r.value} | ${r.baseline} | ${r.ratio}`);
    return push(...items);
  };
  const p99 = (r) => r.latency.p99;
  rows.push({
    row: `tenant resolution (GET /api/v1/tenant): ${TENANTS} hosts in turn against 2, same process and database, 3 rounds each in turn`,
    value: `p99 ${p99(median(turns.many))} ms (${Math.round(median(turns.many).requests.average)} req/s)`,
    baseline: `p99 ${p99(median(turns.two))} ms (${Math.round(median(turns.two).requests.average)} req/s) with 2 hosts; before the insert: p99 ${p99(two.tenant)} ms`,
    ratio: (p99(median(turns.many)) / Math.max(1, p99(median(turns.two)))).toFixed(2),
  });
  for (const [row, a, b, unit] of [
    [
      'sign-ins (argon2id 19 MiB × 2, 8 clients, accounts in turn)',
      two.signIn,
      many.signIn,
      'logins/s',
    ],
    ['forgot-password (100 clients, accounts in turn)', two.forgot, many.forgot, 'req/s'],
  ])
    rows.push({
      row: `${row}: ${TENANTS} tenants × ${ACCOUNTS} accounts`,
      value: `p99 ${p99(b)} ms (${Math.round(b.requests.average)} ${unit})`,
      baseline: `p99 ${p99(a)} ms (${Math.round(a.requests.average)} ${unit}) with 2 tenants × ${ACCOUNTS}`,
      ratio: (p99(b) / Math.max(1, p99(a))).toFixed(2),
    });
  rows.push({
    row: `bulk insert of ${TENANTS} tenants × ${ACCOUNTS} accounts, then ANALYZE`,
    value: `${insertSeconds.toFixed(1)} s`,
    baseline: `${users} accounts in the database`,
    ratio: '—',
  });

  // Forgot-password on 2 APIs against 1 (same total of 100 clients, the same database and Redis).
  const forgotOn = (port, connections) =>
    load(port, {
      connections,
      requests: [spread(allHosts, 'POST', '/api/v1/password/forgot', (username) => ({ username }))],
    });
  const one = await forgotOn(api.port, 100);
  const second = await startApi();
  const pair = await Promise.all([forgotOn(api.port, 50), forgotOn(second.port, 50)]);
  const pairRate = pair.reduce((s, r) => s + r.requests.average, 0);
  const pairP99 = Math.max(...pair.map(p99));
  rows.push({
    row: 'forgot-password on 2 API processes (50 clients each)',
    value: `${Math.round(pairRate)} req/s (p99 ${pairP99} ms)`,
    baseline: `${Math.round(one.requests.average)} req/s (p99 ${p99(one)} ms) on 1 API, 100 clients`,
    ratio: (pairRate / one.requests.average).toFixed(2),
  });
  rows.push({
    row: 'API RSS at rest → after the loads above',
    value: `${Math.round(atRest.rss)} → ${afterLoad.rss} MiB (peak ${afterLoad.peak} MiB)`,
    baseline: `${TENANTS} tenants in its cache`,
    ratio: '—',
  });
  second.proc.kill('SIGTERM');
  await db.end();
  rows.push(...(await workerRows(dbEnv, children)));
  api.proc.kill('SIGTERM');
  return rows;
}

/** Emails per second with 1 worker, then with 2, on the same queue and sink. */
export async function workerRows(env, children) {
  const dist = (p) => import(join(root, p));
  const [db, platform, { startSmtpSink }] = await Promise.all([
    dist('packages/db/dist/index.js'),
    dist('packages/platform/dist/index.js'),
    dist('packages/testing/dist/index.js'),
  ]);
  const sink = await startSmtpSink();
  const { ds, queue, outbox } = await emailSeed({
    env,
    db,
    platform,
    username: `emailbench${Date.now()}`,
    email: 'emailbench@example.ca',
    shownAs: 'emailbench',
  });
  const workerOptions = { env, sink, children, tries: TRIES };
  // Timed until every row of the batch is done (sent, or cancelled by the worker when its link
  // was voided): the rate of rows worked, and how many emails the sink received.
  const timed = async (n) => {
    const jobs = await outbox(n);
    const ids = jobs.map((j) => j.outboxId);
    sink.messages.length = 0;
    const t0 = performance.now();
    await Promise.all(jobs.map((job) => platform.enqueueEmail(queue, job)));
    for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
      const [{ n: left }] = await ds.query(
        `SELECT count(*)::int AS n FROM email_deliveries WHERE id = ANY($1) AND status IN ('queued', 'sending')`,
        [ids],
      );
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    return { rate: n / seconds, sent: sink.messages.length };
  };
  const first = await startWorker(workerOptions);
  const workerAtRest = await restingRss(first.pid);
  await timed(200); // warm
  const alone = await timed(EMAILS);
  const workerAfter = memory(first.pid);
  const secondWorker = await startWorker(workerOptions);
  await timed(200);
  const both = await timed(EMAILS);
  for (const w of [first, secondWorker]) w.kill('SIGTERM');
  await queue.close();
  await ds.destroy();
  await sink.stop();
  return [
    {
      row: `emails end to end on 2 workers (${EMAILS})`,
      value: `${Math.round(both.rate)} emails/s (${both.sent} sent)`,
      baseline: `${Math.round(alone.rate)} emails/s on 1 worker (${alone.sent} sent)`,
      ratio: (both.rate / alone.rate).toFixed(2),
    },
    {
      row: 'worker RSS at rest → after its emails',
      value: `${Math.round(workerAtRest.rss)} → ${workerAfter.rss} MiB (peak ${workerAfter.peak} MiB)`,
      baseline: `concurrency ${process.env.BENCH_WORKER_CONCURRENCY ?? 40}`,
      ratio: '—',
    },
  ];
}

// Alone: `node bench/tenants.mjs` (after `pnpm build`), the same environment as run.mjs.
if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = createRequire(join(root, 'packages/db/package.json'))('pg');
  const env = benchEnv({
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet',
  });
  const children = [];
  process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));
  const rows =
    process.env.BENCH_PART === 'workers'
      ? await workerRows(
          {
            ...env,
            DATABASE_URL: env.DATABASE_URL.replace(/\/[^/]*$/, '/guichet_bench_tenants'),
            REDIS_PREFIX: 'guichet-bench-tenants',
          },
          children,
        )
      : await tenantRows({ env, pg, children });
  for (const r of rows) console.log(`| ${r.row} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
  process.exit(0);
}
