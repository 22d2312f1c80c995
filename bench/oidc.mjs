// Single sign-on rows of `pnpm bench`: code exchanges at the token endpoint, userinfo, and the
// memory of an API process that has served the discovery document of 1,000 tenants.
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

const HOST = 'cegepdeseptiles.localhost:3000';
// Never contacted: the flow stops at the redirect to it, where the code is.
const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const TENANTS = 1000;

/** One request to the API over loopback with a Host header; the body as text. */
function request(port, { method = 'GET', path, host = HOST, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          ...headers,
          host,
          ...(body ? { 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A browser without JavaScript on the tenant host: its cookies, redirects and meta refreshes followed, until the redirect URI. */
class Browser {
  cookies = new Map();
  constructor(port, ip) {
    this.port = port;
    this.ip = ip;
  }
  async go(path, form) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = {
      accept: 'text/html',
      'x-forwarded-for': this.ip,
      ...(cookie ? { cookie } : {}),
    };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await request(this.port, {
      method: form ? 'POST' : 'GET',
      path,
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers['set-cookie'] ?? []) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
      const expires = /;\s*expires=([^;]+)/i.exec(c)?.[1];
      if (!value || /max-age=0/i.test(c) || (expires && Date.parse(expires) < Date.now()))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  /** From `path` until the redirect URI (its URL) or a page of the portal (`{ page }`). */
  async follow(path, form) {
    let res = await this.go(path, form);
    let url = new URL(path, `http://${HOST}`);
    for (let hops = 0; hops < 20; hops++) {
      const refresh =
        res.status === 200
          ? /<meta http-equiv="refresh" content="0;url=([^"]+)">/
              .exec(res.body)?.[1]
              ?.replace(/&amp;/g, '&')
          : undefined;
      const location = res.status >= 301 && res.status <= 308 ? res.headers.location : refresh;
      if (!location) return { page: res, url };
      url = new URL(location, url);
      if (url.href.startsWith(REDIRECT_URI)) return { callback: url };
      res = await this.go(`${url.pathname}${url.search}`);
    }
    throw new Error(`too many redirects at ${url.href}`);
  }
}

async function addClient(root, env) {
  const args = [
    'dist/cli.js',
    'oidc-clients',
    'add',
    '--tenant',
    'cegepdeseptiles',
    '--name',
    'Bench',
    '--redirect-uri',
    REDIRECT_URI,
    '--first-party',
    '--json',
  ];
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    cwd: join(root, 'apps/api'),
    env,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

/**
 * N authorization codes through the real flow: each browser signs in once on the portal's
 * login form, then gets further codes from its single sign-on session (as an intranet's
 * users do), all within the code lifetime (60 s).
 */
async function prepareCodes({ port, count, browsers, users, verifier }) {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const codes = [];
  const authorize = (client) =>
    `/oidc/auth?${new URLSearchParams({ client_id: client, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'openid profile email', state: randomBytes(8).toString('hex'), code_challenge: challenge, code_challenge_method: 'S256' })}`;
  const perBrowser = Math.ceil(count / browsers);
  await Promise.all(
    Array.from({ length: browsers }, async (_, b) => {
      const browser = new Browser(port, `10.200.${b >> 8}.${b & 255}`);
      for (let i = 0; i < perBrowser && codes.length < count; i++) {
        let step = await browser.follow(authorize(users.clientId));
        if (step.page) {
          const csrf = /name="_csrf" value="([^"]+)"/.exec(step.page.body)?.[1];
          if (!csrf) throw new Error(`no login form at ${step.url.href} (${step.page.status})`);
          step = await browser.follow(`${step.url.pathname}${step.url.search}`, {
            _csrf: csrf,
            username: users.username(b),
            password: users.password,
            remember: 'all',
          });
        }
        const code = step.callback?.searchParams.get('code');
        if (!code)
          throw new Error(`no code: ${step.page?.status} ${step.page?.body.slice(0, 200)}`);
        codes.push(code);
      }
    }),
  );
  return codes;
}

/** RSS of a process, from /proc (Linux), in MiB. */
const rssMiB = (pid) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/**
 * `ctx`: { root, env, apiPort, apiPid, hello (autocannon result), load, pg, users }.
 * `users`: { username(i), password } of accounts of the Cégep.
 */
export async function oidcRows({ root, env, apiPort, apiPid, hello, load, pg, users }) {
  const out = [];
  const { clientId, clientSecret } = await addClient(root, env);
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
  const verifier = randomBytes(32).toString('base64url');
  const exchange = (code) =>
    new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }).toString();
  const tokenHeaders = {
    host: HOST,
    authorization: basic,
    'content-type': 'application/x-www-form-urlencoded',
  };

  // Warm-up (untimed): the issuer built, a first grant per browser; one exchange checked by hand.
  const browsers = 8;
  const warm = await prepareCodes({
    port: apiPort,
    count: browsers * 2,
    browsers,
    users: { ...users, clientId },
    verifier,
  });
  const first = await request(apiPort, {
    method: 'POST',
    path: '/oidc/token',
    headers: tokenHeaders,
    body: exchange(warm[0]),
  });
  if (first.status !== 200)
    throw new Error(`token endpoint answered ${first.status}: ${first.body}`);
  const { access_token: accessToken, id_token: idToken } = JSON.parse(first.body);
  if (!accessToken || !idToken) throw new Error(`no tokens: ${first.body}`);

  const N = Number(process.env.BENCH_CODES ?? 1000);
  const started = performance.now();
  const codes = await prepareCodes({
    port: apiPort,
    count: N,
    browsers,
    users: { ...users, clientId },
    verifier,
  });
  const prepared = (performance.now() - started) / 1000;
  if (prepared > 45)
    console.error(
      `preparing ${N} codes took ${prepared.toFixed(0)} s: the last ones may expire (60 s); lower BENCH_CODES`,
    );
  let next = 0;
  const exchanges = await load(apiPort, {
    method: 'POST',
    path: '/oidc/token',
    connections: 16,
    amount: codes.length,
    requests: [
      {
        method: 'POST',
        path: '/oidc/token',
        headers: tokenHeaders,
        // An address per exchange, as many applications would be: the token endpoint allows
        // 600 requests a minute per address (the API trusts the bench as its proxy).
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, 'x-forwarded-for': `10.251.${next >> 8}.${next & 255}` },
          body: exchange(codes[next++] ?? 'spent'),
        }),
      },
    ],
  });
  if (exchanges.non2xx)
    throw new Error(`token endpoint answered ${exchanges.non2xx} non-2xx of ${codes.length}`);
  out.push({
    row: `authorization-code exchanges (POST /oidc/token, client_secret_basic + PKCE, ID token RS256; ${codes.length} codes from the login form, 16 clients)`,
    value: `${Math.round(exchanges.requests.average)} exchanges/s (p99 ${exchanges.latency.p99} ms)`,
    baseline: `${codes.length} codes prepared in ${prepared.toFixed(1)} s through /oidc/auth → /login → redirect (${browsers} browsers, single sign-on after the first)`,
    ratio: '—',
  });

  // The codes and tokens just written: their planner statistics, as autovacuum keeps them.
  const stats = new pg.Client({ connectionString: env.DATABASE_URL });
  await stats.connect();
  await stats.query('ANALYZE oidc_payloads');
  await stats.end();
  const userinfoHeaders = { host: HOST, authorization: `Bearer ${accessToken}` };
  await load(apiPort, { path: '/oidc/me', headers: userinfoHeaders, duration: 2 });
  const userinfo = await load(apiPort, { path: '/oidc/me', headers: userinfoHeaders });
  if (userinfo.non2xx) throw new Error(`userinfo answered ${userinfo.non2xx} non-2xx`);
  out.push({
    row: 'userinfo (GET /oidc/me, bearer access token)',
    value: `${Math.round(userinfo.requests.average)} req/s (p99 ${userinfo.latency.p99} ms)`,
    baseline: `${Math.round(hello.requests.average)} req/s bare Fastify hello-world`,
    ratio: (userinfo.requests.average / hello.requests.average).toFixed(2),
  });

  const platform = await import(join(root, 'packages/platform/dist/index.js'));
  out.push(await manyTenantsRow({ env, apiPort, apiPid, pg, platform }));
  return out;
}

/** 1,000 tenants with host names and signing keys, each one's discovery document fetched once; RSS before and after. */
async function manyTenantsRow({ env, apiPort, apiPid, pg, platform }) {
  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const [{ id: cegep }] = (await db.query("SELECT id FROM tenants WHERE slug = 'cegepdeseptiles'"))
    .rows;
  const slugs = Array.from({ length: TENANTS }, (_, i) => `bench-${i + 1}`);
  const ids = (
    await db.query(
      `INSERT INTO tenants (slug, name, public_url) SELECT s, 'Banc ' || s, 'http://' || s || '.localhost:3000' FROM unnest($1::text[]) AS s RETURNING id, slug`,
      [slugs],
    )
  ).rows;
  await db.query(
    `INSERT INTO tenant_settings (tenant_id, settings) SELECT t.id, s.settings FROM unnest($1::uuid[]) AS t(id), tenant_settings s WHERE s.tenant_id = $2`,
    [ids.map((r) => r.id), cegep],
  );
  await db.query(
    `INSERT INTO tenant_hosts (tenant_id, host_name, is_primary) SELECT r.id, r.slug || '.localhost', true FROM unnest($1::uuid[], $2::text[]) AS r(id, slug)`,
    [ids.map((r) => r.id), ids.map((r) => r.slug)],
  );
  // Signing keys made here (RSA generation would otherwise dominate the first request of each
  // tenant): one key pair, under a kid and an encryption of each tenant's own.
  const encryptor = new platform.Encryptor(env.DATA_ENCRYPTION_KEY);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const base = privateKey.export({ format: 'jwk' });
  const kids = ids.map(() => randomBytes(12).toString('base64url'));
  const ciphertexts = ids.map((_, i) =>
    encryptor.encrypt(JSON.stringify({ ...base, kid: kids[i], alg: 'RS256', use: 'sig' })),
  );
  await db.query(
    `INSERT INTO oidc_signing_keys (kid, tenant_id, status, private_jwk_ciphertext) SELECT k, t, 'active', c FROM unnest($1::text[], $2::uuid[], $3::text[]) AS r(k, t, c)`,
    [kids, ids.map((r) => r.id), ciphertexts],
  );
  await db.end();

  const before = rssMiB(apiPid);
  const started = performance.now();
  let peak = before;
  let cursor = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (cursor < slugs.length) {
        const slug = slugs[cursor++];
        const res = await request(apiPort, {
          path: '/.well-known/openid-configuration',
          host: `${slug}.localhost:3000`,
        });
        if (res.status !== 200 || JSON.parse(res.body).issuer !== `http://${slug}.localhost:3000`)
          throw new Error(`discovery of ${slug}: ${res.status} ${res.body.slice(0, 200)}`);
        if (cursor % 100 === 0) peak = Math.max(peak, rssMiB(apiPid));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = rssMiB(apiPid);
  peak = Math.max(peak, after);
  return {
    row: `API memory, ${TENANTS} tenants' issuers touched (discovery on each host, 8 clients)`,
    value: `RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB (peak ${peak.toFixed(0)} MiB); ${(TENANTS / seconds).toFixed(0)} new issuers/s`,
    baseline:
      'issuers kept: at most 200 (LRU, oidc-providers.ts MAX_PROVIDERS); hosts: at most 10,000 (tenant cache)',
    ratio: '—',
  };
}
