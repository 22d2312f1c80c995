import { ConfigError, type Env, parseEnv, publicOrigin } from '@guichet/types';
import { type RedisTopology, redisTopology } from './redis.js';
import { SmtpAllowList } from './smtp-target.js';

/** Origin of the admin app under `pnpm dev` (Vite's dev server, `apps/admin/vite.config.ts`). */
export const ADMIN_DEV_SERVER_ORIGIN = 'http://localhost:5173';

export interface AppConfig extends Env {
  /** Host of the admin app and admin API: `admin.{BASE_DOMAIN}`. */
  adminHost: string;
  /** `{scheme}://admin.{BASE_DOMAIN}[:port]`, as a browser names the admin app's origin. */
  adminOrigin: string;
  /**
   * Origins that may frame the portal pages (`frame-ancestors`, besides Teams for the
   * tenants that enable it): the admin app, whose branding screen shows the real `/login`
   * in a frame; in development, also the admin app served by Vite.
   */
  portalFrameAncestors: string[];
  /**
   * What the admin app may frame (`frame-src` on the admin host): the portals on
   * `{scheme}://*.{BASE_DOMAIN}[:port]`, and nothing else (a custom domain outside
   * BASE_DOMAIN gets a link rather than a frame, so the list of tenants' domains is not
   * published in a header anyone can read).
   */
  adminFrameSources: string[];
  trustedProxies: string[];
  secureCookies: boolean;
  /** SMTP_ALLOWED_HOSTS parsed: the internal hosts a tenant's SMTP server may be on. */
  smtpAllowList: SmtpAllowList;
  /** REDIS_URL, REDIS_CLUSTER_NODES or REDIS_SENTINELS: where every Redis client connects. */
  redis: RedisTopology;
  /** DIRECTORY_ALLOWED_HOSTS parsed: the internal hosts a tenant's LDAP server may be on. */
  directoryAllowList: SmtpAllowList;
}

function allowList(name: string, value: string): SmtpAllowList {
  try {
    return SmtpAllowList.parse(value);
  } catch (error) {
    throw new ConfigError([`${name}=${JSON.stringify(value)}: ${(error as Error).message}`]);
  }
}

export function buildConfig(env: Env): AppConfig {
  const adminHost = `admin.${env.BASE_DOMAIN}`;
  const adminOrigin = publicOrigin(env, adminHost);
  return {
    ...env,
    adminHost,
    adminOrigin,
    portalFrameAncestors:
      env.NODE_ENV === 'development' ? [adminOrigin, ADMIN_DEV_SERVER_ORIGIN] : [adminOrigin],
    adminFrameSources: [publicOrigin(env, `*.${env.BASE_DOMAIN}`)],
    trustedProxies: env.TRUSTED_PROXIES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secureCookies: env.SECURE_COOKIES ?? env.NODE_ENV === 'production',
    smtpAllowList: allowList('SMTP_ALLOWED_HOSTS', env.SMTP_ALLOWED_HOSTS),
    directoryAllowList: allowList('DIRECTORY_ALLOWED_HOSTS', env.DIRECTORY_ALLOWED_HOSTS),
    redis: redisTopology(env),
  };
}

/** Reads the environment once; on a bad value prints which variable is wrong and exits 1 (no stack trace). */
export function loadConfigOrExit(
  source: Record<string, string | undefined> = process.env,
): AppConfig {
  try {
    return buildConfig(parseEnv(source));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message}\nFix the variables above (see README, "Configuration") and start again.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
}
