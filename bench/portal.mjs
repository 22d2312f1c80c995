// Rows of `pnpm bench` for the signed-in portal API and the process sizes: /api/v1/me with an
// access token, refresh-token rotations, the CSV import of 100,000 accounts, RSS at rest.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { rssOf } from './support.mjs';

const HOST = 'cegepdeseptiles.localhost:3000';

/** One JSON POST over loopback with a Host header: status, body, set-cookie. */
function post(port, path, body, headers = {}) {
  const payload = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          host: HOST,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode, text, cookies: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The session cookie (`name=value`) among Set-Cookie headers. */
const sessionCookieOf = (cookies) =>
  cookies.map((c) => c.split(';')[0]).find((pair) => /session=./.test(pair));

async function signIn(port, username, password, ip) {
  const res = await post(
    port,
    '/api/v1/auth/login',
    { username, password, remember: 'all' },
    { 'x-forwarded-for': ip },
  );
  if (res.status !== 200) throw new Error(`sign-in of ${username} answered ${res.status}`);
  return { accessToken: JSON.parse(res.text).accessToken, cookie: sessionCookieOf(res.cookies) };
}

const ratios = (value, hello, nest) =>
  `${(value / hello.requests.average).toFixed(2)} (${(value / nest.requests.average).toFixed(2)} of bare Nest)`;

/** GET /api/v1/me with one valid access token; refresh-token rotations, each connection its own session. */
export async function portalRows({ apiPort, load, hello, nest, users }) {
  const out = [];
  const { accessToken } = await signIn(apiPort, users.username(0), users.password, '10.250.0.1');
  const headers = { host: HOST, authorization: `Bearer ${accessToken}` };
  await load(apiPort, { path: '/api/v1/me', headers, duration: 2 });
  const me = await load(apiPort, { path: '/api/v1/me', headers });
  if (me.non2xx) throw new Error(`GET /api/v1/me answered ${me.non2xx} non-2xx`);
  out.push({
    row: 'GET /api/v1/me (a valid access token)',
    value: `${Math.round(me.requests.average)} req/s (p99 ${me.latency.p99} ms)`,
    baseline: `${Math.round(hello.requests.average)} bare Fastify, ${Math.round(nest.requests.average)} bare Nest`,
    ratio: ratios(me.requests.average, hello, nest),
  });

  // Rotations: every connection signs in once, then exchanges its session cookie again and
  // again (a DB write each: the old token rotated, a new one inserted, in one transaction).
  const CLIENTS = 12;
  // autocannon gives each request a fresh context (and builds a first request per
  // connection that is never sent): sessions come from a pool, each back in it with its
  // new cookie once answered; twice as many as connections, plus a few.
  const free = [];
  for (let i = 0; i < 2 * CLIENTS + 4; i++)
    free.push(await signIn(apiPort, users.username(i + 1), users.password, `10.250.1.${i + 1}`));
  const failed = {};
  let ip = 0;
  const rotate = {
    method: 'POST',
    path: '/api/v1/auth/refresh',
    headers: { host: HOST },
    setupRequest: (req, context) => {
      context.session = free.shift();
      if (!context.session) throw new Error('no free session: more connections than sessions');
      ip = (ip % 250) + 1;
      return {
        ...req,
        headers: {
          ...req.headers,
          cookie: context.session.cookie,
          'x-forwarded-for': `10.250.2.${ip}`,
        },
      };
    },
    onResponse: (status, _body, context, responseHeaders) => {
      if (status !== 200) failed[status] = (failed[status] ?? 0) + 1;
      const name = Object.keys(responseHeaders ?? {}).find((k) => k.toLowerCase() === 'set-cookie');
      const set = name ? responseHeaders[name] : undefined;
      const cookie = sessionCookieOf(Array.isArray(set) ? set : set ? [set] : []);
      if (cookie && context.session) free.push({ cookie });
    },
  };
  const rotations = await load(apiPort, { requests: [rotate], connections: CLIENTS });
  if (Object.keys(failed).length || rotations.non2xx)
    throw new Error(`refresh answered ${JSON.stringify(failed)} (${rotations.non2xx} non-2xx)`);
  out.push({
    row: `refresh-token rotations (POST /api/v1/auth/refresh, ${CLIENTS} sessions)`,
    value: `${Math.round(rotations.requests.average)} rotations/s (p99 ${rotations.latency.p99} ms)`,
    baseline: 'goal ≥ 1,000/s',
    ratio: '—',
  });
  return out;
}

/** `guichet users import` of 100,000 new accounts: seconds and the CLI process's peak RSS. */
export async function importRow({ root, env }) {
  const N = Number(process.env.BENCH_IMPORT ?? 100_000);
  const file = join(tmpdir(), `guichet-bench-import-${process.pid}.csv`);
  const lines = ['nom,prenom,courriel,matricule'];
  for (let i = 0; i < N; i++) lines.push(`Essai${i},Import,import${i}@example.ca,M${i}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const started = performance.now();
  const cli = spawn(
    process.execPath,
    ['dist/cli.js', 'users', 'import', '--tenant', 'cegepdeseptiles', file],
    { cwd: join(root, 'apps/api'), env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, rssOf(cli.pid).peak || 0)), 100);
  const code = await new Promise((resolve) => cli.on('exit', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  rmSync(file, { force: true });
  if (code !== 0) throw new Error(`import exited ${code}`);
  return {
    row: `CSV import of ${N.toLocaleString('en')} accounts (guichet users import)`,
    value: `${seconds.toFixed(1)} s, peak RSS ${Math.round(peak)} MiB`,
    baseline: 'goal < 30 s, < 300 MiB',
    ratio: '—',
  };
}
