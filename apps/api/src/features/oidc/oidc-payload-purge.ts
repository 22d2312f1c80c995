import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { OidcPayloadsRepository } from '@guichet/db';

const EVERY_MS = 15 * 60_000;
const BATCH = 5000;

/**
 * Expired provider artefacts are never read again (lookups filter on expires_at); this
 * deletes them in small batches so the table stays the size of what is live. Housekeeping
 * across tenants: it reads nothing, and any API process may run it.
 */
@Injectable()
export class OidcPayloadPurge implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OidcPayloadPurge.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly payloads: OidcPayloadsRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () =>
        void this.purge().catch((error: Error) => this.logger.warn(`oidc purge: ${error.message}`)),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    return this.payloads.purgeExpiredAcrossTenants(BATCH);
  }
}
