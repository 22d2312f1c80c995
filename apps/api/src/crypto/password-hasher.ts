import { Inject, Injectable } from '@nestjs/common';
import { hash as argon2Hash, verify as argon2Verify, type Options } from '@node-rs/argon2';
import { Counter, type Registry } from 'prom-client';
import { type AppConfig, CONFIG } from '../config/config.js';
import { METRICS_REGISTRY } from '../metrics/metrics.module.js';

/**
 * argon2id with OWASP's parameters by default (19 MiB, 2 iterations, 1 lane), tunable by
 * environment. Verifying against no account still costs one full hash, so an unknown
 * username takes the same time as a known one.
 */
@Injectable()
export class PasswordHasher {
  private readonly options: Options;
  private dummyHash: Promise<string> | null = null;
  /** Every verification, whatever its outcome or account: one per sign-in attempt on every path. */
  private readonly verifications: Counter;
  /** Verifications against a stored hash: the guesses really tested (the lockout bounds them). */
  private readonly guesses: Counter;

  constructor(@Inject(CONFIG) config: AppConfig, @Inject(METRICS_REGISTRY) registry: Registry) {
    this.verifications = new Counter({
      name: 'password_verifications_total',
      help: 'argon2id password verifications (known and unknown accounts alike)',
      registers: [registry],
    });
    this.guesses = new Counter({
      name: 'password_guesses_verified_total',
      help: 'argon2id verifications against a stored hash (unknown accounts and attempts refused by a lockout verify against a dummy hash instead)',
      registers: [registry],
    });
    this.options = {
      algorithm: ARGON2ID,
      memoryCost: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_ITERATIONS,
      parallelism: config.ARGON2_PARALLELISM,
    };
  }

  hash(password: string): Promise<string> {
    return argon2Hash(password, this.options);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    this.verifications.inc();
    if (!hash) {
      this.dummyHash ??= this.hash('guichet-dummy-password');
      await argon2Verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    this.guesses.inc();
    try {
      return await argon2Verify(hash, password);
    } catch {
      return false;
    }
  }

  /** True when the hash was made with other parameters than today's (re-hash on login). */
  needsRehash(hash: string): boolean {
    const stored = argon2Parameters(hash);
    return (
      !stored ||
      stored.memoryCost !== this.options.memoryCost ||
      stored.timeCost !== this.options.timeCost ||
      stored.parallelism !== this.options.parallelism
    );
  }
}

/** `Algorithm.Argon2id` of @node-rs/argon2 (a `const enum`, which isolated modules cannot read). */
const ARGON2ID = 2;

/**
 * The parameters of an argon2id v19 hash in PHC form (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`;
 * the parameters in any order, as hashes made by the former `argon2` package list them `m,p,t`), or
 * null for anything else (another algorithm or version: re-hashed at the next sign-in).
 */
export function argon2Parameters(
  hash: string,
): { memoryCost: number; timeCost: number; parallelism: number } | null {
  const [, algorithm, version, parameters] = hash.split('$');
  if (algorithm !== 'argon2id' || version !== 'v=19' || !parameters) return null;
  const values = new Map(
    parameters.split(',').map((pair) => pair.split('=') as [string, string | undefined]),
  );
  const read = (name: string) => {
    const text = values.get(name);
    return text && /^\d{1,10}$/.test(text) ? Number(text) : null;
  };
  const memoryCost = read('m');
  const timeCost = read('t');
  const parallelism = read('p');
  if (memoryCost === null || timeCost === null || parallelism === null) return null;
  return { memoryCost, timeCost, parallelism };
}
