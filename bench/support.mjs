// What `pnpm bench` (run.mjs) and the scale bench (tenants.mjs, also run alone) prepare alike:
// the processes' environment, ports, and for the email rows a user of the Cégep, an emptied
// email queue, reset links written the way the API writes them, and worker processes sending
// to the bench's SMTP sink.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The environment of the bench's processes (production mode, its own keys), `more` on top. */
export const benchEnv = (more) => ({
  ...process.env,
  NODE_ENV: 'production',
  // As the image runs them (infra/docker/Dockerfile, runtime stage).
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=4`.trim(),
  LOG_LEVEL: 'warn',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  ADMIN_BOOTSTRAP_EMAIL: 'bench@guichet.localhost',
  ADMIN_BOOTSTRAP_PASSWORD: 'bench-password-long-enough',
  // Any free management port: the bench reads no metrics, and a running `pnpm start` holds the defaults.
  MANAGEMENT_PORT: '0',
  WORKER_MANAGEMENT_PORT: '0',
  JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString(),
  ...more,
});

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Until `path` answers 2xx on the port (every 100 ms, `tries` times). */
export async function waitFor(port, { path = '/health/live', tries = 600 } = {}) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answers on ${port}`);
}

/**
 * A user of the Cégep (`username`, `email`; `shownAs` is the username its emails show), the
 * email queue emptied, and `outbox(n)`: n password-reset links each written as the API does
 * (action token + outbox row in one transaction), their jobs ready for `enqueueEmail`.
 * `db` and `platform` are the built packages; close `queue` and `ds` when done.
 */
export async function emailSeed({ env, db, platform, username, email, shownAs }) {
  const ds = db.createDataSource(env.DATABASE_URL, { poolSize: 4 });
  await ds.initialize();
  const [{ id: tenantId }] = await ds.query(
    "SELECT id FROM tenants WHERE slug = 'cegepdeseptiles'",
  );
  const user = await ds.getRepository(db.User).save({
    tenantId,
    username,
    firstName: 'Banc',
    lastName: 'Essai',
    email,
  });
  const encryptor = new platform.Encryptor(env.DATA_ENCRYPTION_KEY);
  const queue = platform.createEmailQueue(
    { url: env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    env.REDIS_PREFIX,
  );
  await queue.obliterate({ force: true }).catch(() => undefined);
  // The emails earlier rows left in the outbox (forgot-password loads) are cancelled, or the
  // worker's outbox reconciler would send them during the email rows and count them.
  await ds.query(
    "UPDATE email_deliveries SET status = 'cancelled' WHERE status IN ('queued', 'sending')",
  );
  const outbox = async (n) => {
    const jobs = [];
    for (let i = 0; i < n; i++) {
      const token = platform.newToken();
      jobs.push(
        await ds.transaction(async (em) => {
          const t = await em.save(
            em.create(db.ActionToken, {
              tenantId,
              userId: user.id,
              purpose: 'password-reset',
              tokenHash: platform.hashToken(token),
              expiresAt: new Date(Date.now() + 3600_000),
            }),
          );
          return platform.writeOutbox(em, encryptor, {
            userId: user.id,
            payload: {
              kind: 'password-reset',
              tenantId,
              version: 1,
              locale: 'fr',
              recipient: { email: user.email, name: 'Banc Essai' },
              data: { username: shownAs, expiresInMinutes: 60 },
            },
            link: { token, actionTokenId: t.id },
          });
        }),
      );
    }
    return jobs;
  };
  return { ds, queue, outbox };
}

/** The built worker on the bench's env, sending to `sink`; resolves once its health port answers. */
export async function startWorker({ env, sink, children, tries }) {
  const port = await freePort();
  const proc = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(root, 'apps/worker'),
    env: {
      ...env,
      SMTP_URL: sink.url,
      WORKER_HEALTH_PORT: String(port),
      WORKER_CONCURRENCY: String(process.env.BENCH_WORKER_CONCURRENCY ?? 40),
      HOST: '127.0.0.1',
      // The bench writes all its outbox rows (seconds of inserts) before it enqueues their
      // jobs: with the default 5 s grace the reconciler enqueued the first rows itself, during
      // the warm-up, and the timed part then saw fewer than it waited for (nothing was lost:
      // every row was sent once, the same job id). The reconciler is not what is measured.
      OUTBOX_GRACE_MS: '600000',
    },
    stdio: 'inherit',
  });
  children.push(proc);
  await waitFor(port, { tries });
  return proc;
}

/** Resident set size (and its peak) of a process, in MiB, from /proc. */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/**
 * RSS at rest: 2 s after the process answered (start-up just done) and once it has been idle
 * for `seconds` (V8's memory reducer collects an idle process's start-up garbage on its own
 * within about ten seconds; until then the figure is start-up, not rest).
 */
export async function restingRss(pid, seconds = 20) {
  await new Promise((r) => setTimeout(r, 2000));
  const started = rssOf(pid).rss;
  await new Promise((r) => setTimeout(r, (seconds - 2) * 1000));
  return { started, rss: rssOf(pid).rss };
}
