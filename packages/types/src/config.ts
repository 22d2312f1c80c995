import { z } from 'zod';

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** `host:port,host:port,…` (host names, IPv4, or bracketed IPv6). */
const hostPorts = z.string().refine(
  (v) =>
    v
      .split(',')
      .map((entry) => entry.trim())
      .every((entry) => /^(\[[\da-f:.]+\]|[\w.-]+):\d{1,5}$/i.test(entry)),
  'comma-separated host:port pairs',
);

/** Every environment variable Guichet reads, with its default. */
export const envSchema = z.object({
  /** Production unless said otherwise: Secure cookies, required keys. `pnpm start`/`pnpm dev` set development. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default(
    'postgres://postgres@127.0.0.1:5432/guichet',
  ),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  /** Seed nodes of a Redis Cluster (`host:port,host:port,…`): every Redis use goes to the cluster, REDIS_URL is ignored. */
  REDIS_CLUSTER_NODES: hostPorts.optional(),
  /** Sentinels (`host:port,…`) watching the master named REDIS_SENTINEL_NAME: REDIS_URL is ignored. */
  REDIS_SENTINELS: hostPorts.optional(),
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .optional(),
  /** Password of the sentinels themselves (`requirepass` in sentinel.conf), when they have one. */
  REDIS_SENTINEL_PASSWORD: z.string().min(1).optional(),
  /** Password (and user, for ACLs) of the cluster nodes or of the master watched by the sentinels. */
  REDIS_USERNAME: z.string().min(1).optional(),
  REDIS_PASSWORD: z.string().min(1).optional(),
  /** TLS to the cluster nodes or to the sentinels' master (REDIS_URL says it with `rediss://`). */
  REDIS_TLS: bool.default(false),
  /** Prefix of every Redis key (queues, rate limits, pub/sub channels); tests use their own. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:{}-]{1,64}$/)
    .default('guichet'),
  SMTP_URL: url(['smtp:', 'smtps:']).default('smtp://127.0.0.1:1025'),
  /**
   * Comma-separated host names, IPs and CIDRs a tenant's own SMTP server may be on although
   * they are internal (loopback, private…), on any port. SMTP_URL is the operator's and never checked.
   */
  SMTP_ALLOWED_HOSTS: z
    .string()
    .refine(
      (v) => v.split(',').every((entry) => /^[\w.:/[\]-]*$/.test(entry.trim())),
      'comma-separated host names, IP addresses or CIDRs',
    )
    .default(''),
  /**
   * Comma-separated host names, IPs and CIDRs a tenant's directory (LDAP) server may be on
   * although they are internal (loopback, private…), on any port: a domain controller is
   * usually on the institution's private network, which the operator lists here.
   */
  DIRECTORY_ALLOWED_HOSTS: z
    .string()
    .refine(
      (v) => v.split(',').every((entry) => /^[\w.:/[\]-]*$/.test(entry.trim())),
      'comma-separated host names, IP addresses or CIDRs',
    )
    .default(''),
  /** Lets a tenant's SMTP server be used without TLS (no STARTTLS required); for development and tests. */
  SMTP_ALLOW_INSECURE: bool.default(false),
  BASE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'a domain such as localhost or guichet.example.ca')
    .transform((v) => v.toLowerCase())
    .default('localhost'),
  PORT: int(1, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Port that public URLs carry (when a proxy listens on 443, set 443). Defaults to PORT. */
  PUBLIC_PORT: int(1, 65535).optional(),
  PUBLIC_URL_SCHEME: z.enum(['http', 'https']).default('http'),
  /** Comma-separated proxies whose X-Forwarded-* headers are believed (IPs or CIDRs); empty = none. */
  TRUSTED_PROXIES: z.string().default(''),
  ADMIN_BOOTSTRAP_EMAIL: z.email().optional(),
  ADMIN_BOOTSTRAP_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** 32 bytes, base64: encrypts tokens in the outbox and tenant SMTP passwords. Generated in dev. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => {
      try {
        return atob(v.trim()).length === 32;
      } catch {
        return false;
      }
    }, '32 bytes encoded in base64 (openssl rand -base64 32)')
    .optional(),
  /** PEM of an EC P-256 private key signing access tokens. Generated in dev and kept in .guichet/. */
  JWT_PRIVATE_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CONCURRENCY: int(1, 200).default(10),
  WORKER_HEALTH_PORT: int(1, 65535).default(3001),
  /** Metrics and detailed health, apart from the public port; 0 = any free port. */
  MANAGEMENT_HOST: z.string().min(1).default('127.0.0.1'),
  MANAGEMENT_PORT: int(0, 65535).default(9464),
  WORKER_MANAGEMENT_PORT: int(0, 65535).default(9465),
  ARGON2_MEMORY_KIB: int(8192, 1048576).default(19456),
  ARGON2_ITERATIONS: int(1, 20).default(2),
  ARGON2_PARALLELISM: int(1, 16).default(1),
  SECURE_COOKIES: bool.optional(),
  /** GET/POST /oidc/me with a plain bearer token answered without entering oidc-provider (same answer); false: always the provider. */
  OIDC_USERINFO_FAST_PATH: bool.default(true),
  /** First retry delay of a temporary SMTP failure; doubles each attempt, with jitter. */
  EMAIL_RETRY_BASE_MS: int(10, 600_000).default(2000),
  EMAIL_MAX_ATTEMPTS: int(1, 50).default(10),
  /** A job whose worker died is taken again after this long. */
  WORKER_LOCK_MS: int(1000, 600_000).default(30_000),
  /** How often the worker looks for tenants whose scheduled directory sync is due (every worker ticks; one sync runs per tenant). */
  DIRECTORY_TICK_MS: int(200, 3_600_000).default(60_000),
  /** How often the worker re-enqueues outbox rows left pending, and how old they must be. */
  OUTBOX_RECONCILE_MS: int(100, 3_600_000).default(10_000),
  OUTBOX_GRACE_MS: int(0, 3_600_000).default(5_000),
  /** Forgot-password and enrolment work run after the reply: jobs at once, and jobs held beyond which requests get 503. */
  BACKGROUND_CONCURRENCY: int(1, 200).default(16),
  BACKGROUND_MAX_WAITING: int(1, 1_000_000).default(10_000),
  /**
   * On SIGTERM the process answers /health/ready with 503 and goes on serving for this long
   * (load balancers stop sending it requests), then stops accepting connections, finishes
   * the requests in flight and exits. 0 (one machine, no load balancer): closes at once;
   * behind a load balancer or on Kubernetes, a few probe periods (infra/k8s: 10).
   */
  SHUTDOWN_GRACE_SECONDS: int(0, 300).default(0),
  /** Seconds after which a forgot-password or enrolment request still not worked is taken up by any API process. */
  HANDOFF_RETRY_SECONDS: int(1, 86_400).default(120),
  /** Built admin app served on the admin host; defaults to apps/admin/dist of this checkout. */
  ADMIN_DIST_DIR: z.string().optional(),
});
export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws a ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (i) =>
          `${i.path.join('.')}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`,
      ),
    );
  }
  return result.data;
}

/** Port shown in public URLs, omitted when it is the scheme's default. */
export function publicOrigin(
  env: Pick<Env, 'PUBLIC_URL_SCHEME' | 'PUBLIC_PORT' | 'PORT'>,
  host: string,
): string {
  const port = env.PUBLIC_PORT ?? env.PORT;
  const isDefault =
    (env.PUBLIC_URL_SCHEME === 'http' && port === 80) ||
    (env.PUBLIC_URL_SCHEME === 'https' && port === 443);
  return `${env.PUBLIC_URL_SCHEME}://${host}${isDefault ? '' : `:${port}`}`;
}
