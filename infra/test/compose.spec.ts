// Reads the deployment files as text (no Docker here) and checks what the stack relies on:
// services and their wiring in docker-compose.yml, stages of infra/docker/Dockerfile, and
// that every variable handed to our processes is one packages/types/src/config.ts reads.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

// ---------------------------------------------------------------- docker-compose.yml

type Dict = Record<string, unknown>;

interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number; published?: string | number; host_ip?: string })[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  init?: boolean;
  restart?: string;
}

const composeText = read('docker-compose.yml');
// Compose supports YAML merge keys (`<<: *anchor`); so must the parse.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Dict;
  version?: unknown;
};
const services = compose.services;

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => [entry.split('=')[0]!, entry.slice(entry.indexOf('=') + 1)]),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

interface Published {
  hostIp: string | null;
  published: string;
  target: string;
}

/** Short syntax `[HOST_IP:]PUBLISHED:TARGET` or the long syntax, normalised. */
function ports(service: Service): Published[] {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object')
      return {
        hostIp: p.host_ip ?? null,
        published: String(p.published ?? ''),
        target: String(p.target),
      };
    const parts = String(p)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = parts.pop()!;
    const published = parts.pop() ?? '';
    return { hostIp: parts.length ? parts.join(':') : null, published, target };
  });
}

function dependsOn(service: Service): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps).map(([name, d]) => [name, d?.condition ?? 'service_started']),
  );
}

function commandWords(service: Service): string[] {
  const c = service.command ?? [];
  return Array.isArray(c) ? c.map(String) : c.split(/\s+/).filter(Boolean);
}

function healthTest(service: Service): string {
  const t = service.healthcheck?.test ?? [];
  return Array.isArray(t) ? t.join(' ') : t;
}

// ---------------------------------------------------------------- infra/docker/Dockerfile

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

const dockerfileText = read('infra/docker/Dockerfile');

/** Instructions with line continuations joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (pending && line.trimStart().startsWith('#')) continue; // comment inside a continued instruction
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const full = (pending + line.trim()).trim();
    pending = '';
    const match = /^(\S+)\s*(.*)$/.exec(full)!;
    out.push({ keyword: match[1]!.toUpperCase(), args: match[2]! });
  }
  return out;
}

const allInstructions = instructions(dockerfileText);

/** ARGs declared before the first FROM, with their defaults: usable in FROM lines. */
const globalArgs = new Map<string, string>();
for (const ins of allInstructions) {
  if (ins.keyword === 'FROM') break;
  if (ins.keyword === 'ARG') {
    const [name, value = ''] = ins.args.split('=');
    globalArgs.set(name!.trim(), value.trim());
  }
}
const expandArgs = (s: string) =>
  s.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => globalArgs.get(name) ?? whole);

const stages: Stage[] = [];
for (const ins of allInstructions) {
  if (ins.keyword === 'FROM') {
    const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
    if (!m) throw new Error(`unreadable FROM line: FROM ${ins.args}`);
    stages.push({
      from: expandArgs(m[1]!),
      name: (m[2] ?? String(stages.length)).toLowerCase(),
      instructions: [],
    });
  } else if (stages.length) {
    stages.at(-1)!.instructions.push(ins);
  }
}
const stage = (name: string): Stage => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage "${name}" in infra/docker/Dockerfile`);
  return found;
};
const parentStage = (s: Stage) => stages.find((p) => p.name === s.from);

/** The stage and the stages it is built FROM, nearest first. */
function lineage(s: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let cur: Stage | undefined = s; cur; cur = parentStage(cur)) chain.push(cur);
  return chain;
}

/** The last value of an instruction along a stage's lineage (USER, CMD, ENTRYPOINT... are inherited). */
function effective(s: Stage, keyword: string): string | undefined {
  for (const st of lineage(s)) {
    const found = st.instructions.filter((i) => i.keyword === keyword).at(-1);
    if (found) return found.args;
  }
  return undefined;
}

/** ENV keys along a stage's lineage (`ENV A=1 B=2` and the legacy `ENV A 1`). */
function envOf(s: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const st of lineage(s).reverse()) {
    for (const ins of st.instructions.filter((i) => i.keyword === 'ENV')) {
      if (/^\w+=/.test(ins.args)) {
        for (const m of ins.args.matchAll(/(\w+)=("[^"]*"|\S*)/g))
          env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
      } else {
        const [key, ...value] = ins.args.split(/\s+/);
        env[key!] = value.join(' ');
      }
    }
  }
  return env;
}

const json = (args: string): string[] => JSON.parse(args) as string[];
const runsOf = (s: Stage) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);

// ---------------------------------------------------------------- packages/types/src/config.ts

/** The keys of `envSchema`: lines `  NAME: ...` between `envSchema = z.object({` and `});`. */
function knownVariables(): Set<string> {
  const source = read('packages/types/src/config.ts');
  const start = source.indexOf('export const envSchema = z.object({');
  if (start < 0) throw new Error('envSchema not found in packages/types/src/config.ts');
  const body = source.slice(start, source.indexOf('\n});', start));
  return new Set([...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!));
}

// ================================================================ the tests

describe('docker-compose.yml', () => {
  it('is a Compose Specification file with the six services', () => {
    expect(compose).toBeTruthy();
    expect(compose.version).toBeUndefined();
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'mailcatcher', 'migrate', 'api', 'worker']),
    );
  });

  it('needs no variable to start, so `docker compose up -d postgres redis` works bare', () => {
    // ${VAR:?message} fails the whole file when VAR is unset, whatever services are asked for.
    expect(composeText).not.toMatch(/\$\{[A-Z0-9_]+:?\?/);
    for (const name of ['postgres', 'redis']) {
      expect(services[name]!.build).toBeUndefined();
      expect(services[name]!.depends_on).toBeUndefined();
    }
  });

  it('runs PostgreSQL 16 with a password (never trust), a named volume, pg_isready, on 127.0.0.1:5432', () => {
    const pg = services.postgres!;
    expect(pg.image).toBe('postgres:16-alpine');
    const env = environment(pg);
    expect(env.POSTGRES_HOST_AUTH_METHOD).toBeUndefined();
    expect(env.POSTGRES_PASSWORD).toBe('${POSTGRES_PASSWORD:-guichet}');
    expect(healthTest(pg)).toContain('pg_isready');
    const volume = String(pg.volumes?.[0]).split(':')[0]!;
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    expect(ports(pg)).toEqual([{ hostIp: '127.0.0.1', published: '5432', target: '5432' }]);
  });

  it('runs Redis 7 with appendonly yes and maxmemory-policy noeviction, a volume, redis-cli ping, on 127.0.0.1:6379', () => {
    const redis = services.redis!;
    expect(redis.image).toBe('redis:7-alpine');
    const words = commandWords(redis);
    expect(words[words.indexOf('--appendonly') + 1]).toBe('yes');
    expect(words[words.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(words).toContain('--appendonly');
    expect(words).toContain('--maxmemory-policy');
    expect(healthTest(redis)).toMatch(/redis-cli\s+ping/);
    const volume = String(redis.volumes?.[0]).split(':')[0]!;
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    expect(ports(redis)).toEqual([{ hostIp: '127.0.0.1', published: '6379', target: '6379' }]);
  });

  it('catches mail with Mailpit: inbox on host port 1080 (8025 inside)', () => {
    const mail = services.mailcatcher!;
    expect(mail.image).toMatch(/^axllent\/mailpit(:|$)/);
    expect(ports(mail)).toEqual(
      expect.arrayContaining([expect.objectContaining({ published: '1080', target: '8025' })]),
    );
  });

  it('builds migrate, api and worker from infra/docker/Dockerfile, each its own target', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const build = services[name]!.build!;
      expect(build).toBeDefined();
      expect(resolve(repo, build.context ?? '.')).toBe(repo);
      expect(build.dockerfile).toBe('infra/docker/Dockerfile');
      expect(build.target).toBe(name);
      expect(stages.map((s) => s.name)).toContain(name);
    }
  });

  it('publishes the API on 3000, the management ports on loopback only, and runs api and worker under an init (signals reach node)', () => {
    expect(ports(services.api!)).toEqual([
      expect.objectContaining({ published: '3000', target: '3000' }),
      { hostIp: '127.0.0.1', published: '9464', target: '9464' },
    ]);
    expect(ports(services.worker!)).toEqual([
      { hostIp: '127.0.0.1', published: '9465', target: '9465' },
    ]);
    expect(services.api!.init).toBe(true);
    expect(services.worker!.init).toBe(true);
    expect(services.migrate!.restart).toBe('no');
  });

  it('orders start-up: postgres healthy → migrate done → api and worker (redis healthy too)', () => {
    expect(dependsOn(services.migrate!)).toEqual({ postgres: 'service_healthy' });
    for (const name of ['api', 'worker']) {
      const deps = dependsOn(services[name]!);
      expect(deps.migrate).toBe('service_completed_successfully');
      expect(deps.redis).toBe('service_healthy');
    }
  });

  it('points api and worker at the compose services, with the password PostgreSQL is given', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const env = environment(services[name]!);
      expect(env.DATABASE_URL).toBe(
        'postgres://postgres:${POSTGRES_PASSWORD:-guichet}@postgres:5432/guichet',
      );
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.SMTP_URL).toBe('smtp://mailcatcher:1025');
      expect(env.BASE_DOMAIN).toBe('${BASE_DOMAIN:-localhost}');
    }
    for (const name of ['api', 'worker']) {
      expect(Object.keys(environment(services[name]!))).toEqual(
        expect.arrayContaining([
          'PUBLIC_URL_SCHEME',
          'ADMIN_BOOTSTRAP_EMAIL',
          'ADMIN_BOOTSTRAP_PASSWORD',
          'DATA_ENCRYPTION_KEY',
          'JWT_PRIVATE_KEY',
        ]),
      );
    }
    expect(environment(services.api!).HOST).toBe('0.0.0.0');
  });

  it('hands our processes only variables the app reads (packages/types/src/config.ts)', () => {
    const known = knownVariables();
    expect(known.size).toBeGreaterThan(10);
    expect(known).toContain('DATABASE_URL');
    for (const name of ['migrate', 'api', 'worker']) {
      const unknown = Object.keys(environment(services[name]!)).filter((key) => !known.has(key));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });
});

describe('infra/docker/Dockerfile', () => {
  it('has the stages base, build, api, worker, migrate on node:20-bookworm-slim', () => {
    expect(stages.map((s) => s.name)).toEqual(
      expect.arrayContaining(['base', 'build', 'api', 'worker', 'migrate']),
    );
    for (const s of stages) {
      const root = lineage(s).at(-1)!;
      expect(root.from).toBe('node:20-bookworm-slim');
    }
  });

  it('enables pnpm through corepack at the version package.json pins', () => {
    const base = stage('base');
    const runs = runsOf(base).join('\n');
    expect(runs).toMatch(/corepack enable/);
    const pinned = (JSON.parse(read('package.json')) as { packageManager: string }).packageManager;
    expect(pinned).toMatch(/^pnpm@\d+\.\d+\.\d+/);
    // Either `corepack install` reading package.json (copied first), or the same version spelled out.
    const readsManifest =
      /corepack install(\s|$)/.test(runs) &&
      base.instructions.some((i) => i.keyword === 'COPY' && /\bpackage\.json\b/.test(i.args));
    expect(readsManifest || dockerfileText.includes(pinned)).toBe(true);
  });

  it('fetches from the lockfile before copying the sources, then installs offline and builds', () => {
    const build = stage('build');
    const keys = build.instructions.map((i) => `${i.keyword} ${i.args}`);
    const fetchAt = keys.findIndex((k) => /^RUN .*pnpm fetch/.test(k));
    const lockAt = keys.findIndex((k) => /^COPY .*pnpm-lock\.yaml/.test(k));
    const sourcesAt = keys.findIndex((k) => /^COPY \. \.?/.test(k));
    const installAt = keys.findIndex((k) =>
      /^RUN .*pnpm install --offline --frozen-lockfile/.test(k),
    );
    const buildAt = keys.findIndex((k) => /^RUN .*pnpm turbo run build/.test(k));
    expect(lockAt).toBeGreaterThanOrEqual(0);
    expect(lockAt).toBeLessThan(fetchAt);
    expect(fetchAt).toBeLessThan(sourcesAt);
    expect(sourcesAt).toBeLessThan(installAt);
    expect(installAt).toBeLessThan(buildAt);
  });

  it('cuts production folders with pnpm deploy for the api, the worker and the db package', () => {
    const runs = runsOf(stage('build')).join('\n');
    for (const [pkg, out] of [
      ['api', '/out/api'],
      ['worker', '/out/worker'],
      ['db', '/out/db'],
    ]) {
      expect(runs).toMatch(
        new RegExp(`pnpm deploy --filter=@guichet/${pkg} --prod --legacy ${out}(\\s|$)`),
      );
    }
    expect(runs).toMatch(/apps\/admin\/dist \/out\/admin/);
  });

  it('only copies from the build context files that exist (and .dockerignore keeps)', () => {
    const ignored = read('.dockerignore');
    for (const s of stages) {
      for (const ins of s.instructions.filter(
        (i) => i.keyword === 'COPY' && !i.args.startsWith('--from'),
      )) {
        const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
        for (const source of words.slice(0, -1).filter((w) => w !== '.')) {
          expect({ source, exists: existsSync(join(repo, source)) }).toEqual({
            source,
            exists: true,
          });
          expect(ignored.split('\n').map((l) => l.trim())).not.toContain(source);
        }
      }
    }
  });

  it('runs every image of our code as the non-root node user, under tini or an init', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      expect({ stage: name, user: effective(stage(name), 'USER') }).toEqual({
        stage: name,
        user: 'node',
      });
      const entrypoint = effective(stage(name), 'ENTRYPOINT');
      expect(entrypoint && json(entrypoint)[0]).toMatch(/tini$/);
    }
  });

  it('api: serves the built admin app from /app/admin, listens on 3000, health-checks with node', () => {
    const api = stage('api');
    const env = envOf(api);
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: '3000',
      ADMIN_DIST_DIR: '/app/admin',
    });
    const copies = api.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^--from=build \/out\/api \/app$/),
        expect.stringMatching(/^--from=build \/out\/admin \/app\/admin$/),
      ]),
    );
    expect(effective(api, 'WORKDIR')).toBe('/app');
    expect(api.instructions.find((i) => i.keyword === 'EXPOSE')?.args).toBe('3000 9464');
    const health = api.instructions.find((i) => i.keyword === 'HEALTHCHECK')!.args;
    expect(health).toContain('/health/live');
    expect(health).toMatch(/CMD \["node",/);
    expect(health).not.toMatch(/curl|wget/);
    expect(json(effective(api, 'CMD')!)).toEqual(['node', 'dist/main.js']);
  });

  it('worker: node dist/main.js, health on WORKER_HEALTH_PORT (3001)', () => {
    const worker = stage('worker');
    expect(json(effective(worker, 'CMD')!)).toEqual(['node', 'dist/main.js']);
    const health = worker.instructions.find((i) => i.keyword === 'HEALTHCHECK')!.args;
    expect(health).toContain('/health/live');
    expect(health).toMatch(/WORKER_HEALTH_PORT\|\|3001/);
    expect(envOf(worker).WORKER_HEALTH_PORT ?? '3001').toBe('3001');
  });

  it('migrate: migrations then seed, through sh -c', () => {
    const cmd = json(effective(stage('migrate'), 'CMD')!);
    expect(cmd.slice(0, 2)).toEqual(['sh', '-c']);
    expect(cmd[2]).toMatch(/node dist\/cli\.js migrate && (exec )?node dist\/cli\.js seed/);
  });

  it('runs Node with 4 MiB semi-spaces, as the bench measures it', () => {
    const flag = '--max-semi-space-size=4';
    expect(envOf(stage('runtime')).NODE_OPTIONS).toBe(flag);
    for (const name of ['api', 'worker', 'migrate'])
      expect(envOf(stage(name)).NODE_OPTIONS).toBe(flag);
    expect(read('bench/support.mjs')).toContain(
      `NODE_OPTIONS: \`\${process.env.NODE_OPTIONS ?? ''} ${flag}\``,
    );
  });

  it('sets only variables the app reads in the images that run it', () => {
    // NODE_OPTIONS is Node's own.
    const known = new Set([...knownVariables(), 'NODE_OPTIONS']);
    for (const name of ['api', 'worker', 'migrate']) {
      const unknown = Object.keys(envOf(stage(name))).filter((key) => !known.has(key));
      expect({ stage: name, unknown }).toEqual({ stage: name, unknown: [] });
    }
  });
});

describe('.dockerignore', () => {
  it('keeps host installs, build output, VCS, secrets and test output out of the context', () => {
    const lines = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const pattern of [
      'node_modules',
      'dist',
      '.turbo',
      '.git',
      '.test-results',
      'test-artifacts',
      '.guichet',
      'coverage',
      '.env',
    ]) {
      expect(lines.some((l) => l === pattern || l === `**/${pattern}`)).toBe(true);
    }
  });
});
