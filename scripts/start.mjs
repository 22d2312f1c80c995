#!/usr/bin/env node
// `pnpm start` (and `pnpm dev`): checks PostgreSQL and Redis, builds, creates and migrates
// the database, seeds the two reference tenants, then runs the API, the worker and a local
// mail catcher as separate processes until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { prettyFactory } from 'pino-pretty';

const root = join(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const env = { ...process.env };
const get = (name, fallback) => (env[name] && env[name] !== '' ? env[name] : fallback);

const databaseUrl = new URL(get('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/guichet'));
const redisUrl = new URL(get('REDIS_URL', 'redis://127.0.0.1:6379'));
const smtpUrl = new URL(get('SMTP_URL', 'smtp://127.0.0.1:1025'));
const port = Number(get('PORT', '3000'));
const baseDomain = get('BASE_DOMAIN', 'localhost');
const scheme = get('PUBLIC_URL_SCHEME', 'http');
const managementHost = get('MANAGEMENT_HOST', '127.0.0.1');
const managementUrl = (p) =>
  `http://${['0.0.0.0', '::'].includes(managementHost) ? '127.0.0.1' : managementHost}:${p}`;
const say = (line = '') => process.stdout.write(`${line}\n`);

function reachable(host, p, timeout = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port: p });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeout, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// 1. PostgreSQL and Redis must be there.
const missing = [];
if (!(await reachable(databaseUrl.hostname, Number(databaseUrl.port || 5432))))
  missing.push(`PostgreSQL at ${databaseUrl.host}`);
if (!(await reachable(redisUrl.hostname, Number(redisUrl.port || 6379))))
  missing.push(`Redis at ${redisUrl.host}`);
if (missing.length) {
  process.stderr.write(
    `\nGuichet cannot start: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not reachable. ` +
      `Guichet keeps its data in PostgreSQL and its email queue in Redis. Start them with Docker: ` +
      `"docker compose up -d postgres redis" (from this folder), or install the Debian packages: ` +
      `"sudo apt-get install postgresql redis-server" (then allow the postgres user to connect from 127.0.0.1, ` +
      `or set DATABASE_URL and REDIS_URL to servers you already have), and run "pnpm start" again.\n\n`,
  );
  process.exit(1);
}

// 2. A local run is development unless said otherwise (the processes default to production:
// Secure cookies, required keys). Development secrets, generated once and kept out of git.
env.NODE_ENV ||= 'development';
if (env.NODE_ENV !== 'production') {
  const dir = join(root, '.guichet');
  const file = join(dir, 'dev-secrets.json');
  let secrets = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (!secrets) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    secrets = {
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      JWT_PRIVATE_KEY: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    };
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  env.DATA_ENCRYPTION_KEY ||= secrets.DATA_ENCRYPTION_KEY;
  env.JWT_PRIVATE_KEY ||= secrets.JWT_PRIVATE_KEY;
  // A tenant may be pointed at the local inbox (127.0.0.1, no TLS) while developing; unless set otherwise.
  env.SMTP_ALLOWED_HOSTS ??= '127.0.0.1';
  env.SMTP_ALLOW_INSECURE ??= 'true';
}

/** Runs a step; its output is shown as it comes unless `capture`, then returned. */
const run = (title, command, args, { capture = false } = {}) => {
  say(`» ${title}`);
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    if (capture) process.stdout.write(result.stdout ?? '');
    process.stderr.write(`\n${title} failed (exit ${result.status}).\n`);
    process.exit(result.status || 1);
  }
  return result.stdout ?? '';
};

// 3. Build, migrate, seed. What the seed says of the admin is repeated with the URLs at the end.
run('Building', 'pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
run('Migrating the database', process.execPath, ['packages/db/dist/cli.js', 'migrate']);
const seeded = run(
  'Seeding the reference tenants',
  process.execPath,
  ['packages/db/dist/cli.js', 'seed'],
  { capture: true },
);
const seedLines = seeded.split('\n').filter(Boolean);
for (const line of seedLines.filter((l) => !/admin|password/i.test(l))) say(`  ${line}`);
const adminEmail = /Created platform admin (\S+?)\.?$/m.exec(seeded)?.[1];
const adminPassword = /Generated password[^:]*: (\S+)/.exec(seeded)?.[1];

// The processes log JSON lines (for a log pipeline); here they are made readable. LOG_FORMAT=json
// shows them as they are.
const readable =
  get('LOG_FORMAT', 'pretty') === 'json'
    ? null
    : prettyFactory({
        colorize: process.stdout.isTTY === true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,name,context,reqId,req,res,responseTime',
        singleLine: true,
        // Fastify's two lines per request, said in words: `GET /login (host)`, `→ 200 in 12 ms`.
        messageFormat: (log, messageKey) => {
          if (log.req && log.msg === 'incoming request')
            return `${log.req.method} ${log.req.url} (${log.req.host})`;
          if (log.res && log.msg === 'request completed')
            return `→ ${log.res.statusCode} in ${Math.round(log.responseTime ?? 0)} ms`;
          return String(log[messageKey] ?? '');
        },
      });
const display = (line) => {
  if (!readable || !line.startsWith('{')) return line;
  try {
    return readable(JSON.parse(line)).replace(/\n$/, '');
  } catch {
    return line;
  }
};

// 4. Processes.
const children = [];
function start(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: { ...env, ...(options.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) process.stdout.write(prefix + display(line) + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${prefix}exited (${signal ?? code}); stopping everything.`);
      stop(1);
    }
  });
  children.push(child);
  return child;
}

const smtpLocal = ['127.0.0.1', 'localhost'].includes(smtpUrl.hostname);
if (smtpLocal) {
  const smtpPort = Number(smtpUrl.port || 25);
  if (await reachable('127.0.0.1', smtpPort, 500)) {
    say(`» A mail server already listens on ${smtpPort}: using it (inbox not started).`);
  } else {
    start('inbox', join(root, 'node_modules/.bin/maildev'), [
      '--smtp',
      String(smtpPort),
      '--web',
      '1080',
      '--ip',
      '127.0.0.1',
      '--web-ip',
      '127.0.0.1',
      '--silent',
    ]);
  }
}
const watch = dev ? ['--watch'] : [];
if (dev) {
  start(
    'tsc-api',
    'pnpm',
    ['exec', 'tsc', '-w', '--preserveWatchOutput', '-p', 'tsconfig.build.json'],
    { cwd: join(root, 'apps/api') },
  );
  start(
    'tsc-worker',
    'pnpm',
    ['exec', 'tsc', '-w', '--preserveWatchOutput', '-p', 'tsconfig.build.json'],
    { cwd: join(root, 'apps/worker') },
  );
  start('admin', 'pnpm', ['exec', 'vite', '--port', '5173', '--strictPort'], {
    cwd: join(root, 'apps/admin'),
  });
}
start('api', process.execPath, [...watch, 'dist/main.js'], { cwd: join(root, 'apps/api') });
start('worker', process.execPath, [...watch, 'dist/main.js'], { cwd: join(root, 'apps/worker') });

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(code);
  }, 10_000);
  Promise.all(
    children.map((c) =>
      c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)),
    ),
  ).then(() => {
    clearTimeout(timer);
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// 5. Tell the user where everything is once the API answers.
const origin = (host) =>
  `${scheme}://${host}${(scheme === 'http' && port === 80) || (scheme === 'https' && port === 443) ? '' : `:${port}`}`;
for (let i = 0; i < 300 && !stopping; i++) {
  if (await reachable('127.0.0.1', port, 300)) {
    say('');
    say('Guichet is running. Ctrl-C stops everything.');
    say(`  Portal, Cégep de Sept-Îles:     ${origin(`cegepdeseptiles.${baseDomain}`)}`);
    say(`  Portal, CISSS de la Montérégie: ${origin(`monteregie.${baseDomain}`)}`);
    say(
      `  Admin app:                      ${origin(`admin.${baseDomain}`)}${dev ? '  (with live reload: http://localhost:5173)' : ''}`,
    );
    say(`  API documentation:              ${origin(`cegepdeseptiles.${baseDomain}`)}/api/docs`);
    if (smtpLocal) say(`  Local inbox (every email sent):  http://localhost:1080`);
    say(
      `  Metrics, detailed health:       ${managementUrl(get('MANAGEMENT_PORT', '9464'))}/metrics (API), ${managementUrl(get('WORKER_MANAGEMENT_PORT', '9465'))}/metrics (worker)`,
    );
    say('');
    if (adminEmail && adminPassword) {
      say(`  Admin sign-in: ${adminEmail} / ${adminPassword}`);
      say('  (generated now and shown only this once: sign in and change it)');
    } else if (adminEmail) {
      say(`  Admin sign-in: ${adminEmail} with ADMIN_BOOTSTRAP_PASSWORD`);
    } else {
      say(
        '  Admin sign-in: the platform admin made at the first start (admin@guichet.localhost unless ADMIN_BOOTSTRAP_EMAIL said otherwise)',
      );
    }
    say('');
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
