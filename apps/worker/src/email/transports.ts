import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Encryptor } from '@guichet/platform';
import type { TenantSettingsRow } from '@guichet/db';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG, type WorkerConfig } from '../config.js';

/** One pooled SMTP transport per tenant (its own server, or the platform SMTP_URL). */
@Injectable()
export class TransportPool implements OnApplicationShutdown {
  private readonly transports = new Map<string, Transporter>();

  constructor(
    @Inject(CONFIG) private readonly config: WorkerConfig,
    private readonly encryptor: Encryptor,
  ) {}

  get(tenantId: string, smtp: TenantSettingsRow['smtp']): Transporter {
    const key = smtp ? `${tenantId}:${smtp.host}:${smtp.port}:${smtp.user ?? ''}:${smtp.passwordCiphertext ?? ''}` : 'platform';
    let transport = this.transports.get(key);
    if (!transport) {
      const common = { pool: true as const, maxConnections: 10, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
      transport = smtp
        ? nodemailer.createTransport({
            ...common,
            host: smtp.host,
            port: smtp.port,
            secure: smtp.secure,
            auth: smtp.user ? { user: smtp.user, pass: smtp.passwordCiphertext ? this.encryptor.decrypt(smtp.passwordCiphertext) : '' } : undefined,
          })
        : // The URL's own options (e.g. ?secure=true) apply; the pool's size is ours, as for a tenant server.
          nodemailer.createTransport({ ...common, url: this.config.SMTP_URL });
      this.transports.set(key, transport);
    }
    return transport;
  }

  onApplicationShutdown(): void {
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
  }
}
