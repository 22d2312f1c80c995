import { Inject, Injectable } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../../../platform/metrics/metrics.module.js';
import { checkTotp } from './totp.js';

/** TOTP codes checked, counted: the number of second-factor guesses a lockout lets through. */
@Injectable()
export class TotpChecks {
  private readonly checks: Counter;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.checks = new Counter({
      name: 'totp_code_checks_total',
      help: 'TOTP codes checked against a secret (sign-in, enabling, disabling)',
      registers: [registry],
    });
  }

  /** The time step of a valid code after `afterStep`, or null (see checkTotp). */
  check(secret: string, code: string, afterStep: number | null): Promise<number | null> {
    this.checks.inc();
    return checkTotp(secret, code, afterStep);
  }
}
