import { ConfigError, type Env, parseEnv } from '@guichet/types';

export interface AppConfig extends Env {
  /** Host of the admin app and admin API: `admin.{BASE_DOMAIN}`. */
  adminHost: string;
  trustedProxies: string[];
  secureCookies: boolean;
}

export function buildConfig(env: Env): AppConfig {
  return {
    ...env,
    adminHost: `admin.${env.BASE_DOMAIN}`,
    trustedProxies: env.TRUSTED_PROXIES.split(',').map((s) => s.trim()).filter(Boolean),
    secureCookies: env.SECURE_COOKIES ?? env.NODE_ENV === 'production',
  };
}

/** Reads the environment once; on a bad value prints which variable is wrong and exits 1 (no stack trace). */
export function loadConfigOrExit(source: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return buildConfig(parseEnv(source));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nFix the variables above (see README, "Configuration") and start again.\n`);
      process.exit(1);
    }
    throw error;
  }
}
