import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
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
  private readonly options: argon2.HashOptions & { raw?: false };
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
      type: argon2.argon2id,
      memoryCost: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_ITERATIONS,
      parallelism: config.ARGON2_PARALLELISM,
    };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    this.verifications.inc();
    if (!hash) {
      this.dummyHash ??= this.hash('guichet-dummy-password');
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    this.guesses.inc();
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** True when the hash was made with other parameters than today's (re-hash on login). */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }
}
