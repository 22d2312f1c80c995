import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM oidc_payloads WHERE ctid IN (SELECT ctid FROM oidc_payloads WHERE expires_at < now() LIMIT ${BATCH})`,
    );
    return deleted;
  }
}
