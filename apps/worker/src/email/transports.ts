import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { BoundedCache, Encryptor, normalizeSmtpHost, SmtpTargetPolicy } from '@guichet/platform';
import type { TenantSettingsRow } from '@guichet/db';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { CONFIG, type WorkerConfig } from '../config.js';
import { openCheckedSocket } from './checked-socket.js';

type TenantSmtp = NonNullable<TenantSettingsRow['smtp']>;

/** Tenants whose pooled transport is kept open; the least recently used one beyond is closed. */
export const MAX_TENANT_TRANSPORTS = 100;

const POOL = {
  pool: true as const,
  maxConnections: 10,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/**
 * One pooled SMTP transport per tenant with its own server, and one for the platform
 * SMTP_URL. When a tenant's SMTP settings change, its old transport is closed (connections
 * in the middle of a message finish it first); at most MAX_TENANT_TRANSPORTS are kept.
 */
@Injectable()
export class TransportPool implements OnApplicationShutdown {
  private platform: Transporter | null = null;
  private readonly tenants = new BoundedCache<
    string,
    { fingerprint: string; transport: Transporter }
  >({
    max: MAX_TENANT_TRANSPORTS,
    onEvict: (entry) => entry.transport.close(),
  });
  private readonly targets: SmtpTargetPolicy;

  constructor(
    @Inject(CONFIG) private readonly config: WorkerConfig,
    private readonly encryptor: Encryptor,
  ) {
    this.targets = new SmtpTargetPolicy(config.smtpAllowList);
  }

  get(tenantId: string, smtp: TenantSettingsRow['smtp']): Transporter {
    // The URL's own options (e.g. ?secure=true) apply; the pool's size is ours, as for a tenant server.
    if (!smtp)
      return (this.platform ??= nodemailer.createTransport({ ...POOL, url: this.config.SMTP_URL }));
    const fingerprint = JSON.stringify([
      smtp.host,
      smtp.port,
      smtp.secure,
      smtp.user,
      smtp.passwordCiphertext,
    ]);
    const cached = this.tenants.get(tenantId);
    if (cached?.fingerprint === fingerprint) return cached.transport;
    const transport = this.tenantTransport(smtp);
    // Replacing the entry disposes of the old one: its transport is closed.
    this.tenants.set(tenantId, { fingerprint, transport });
    return transport;
  }

  /**
   * A tenant's server, outside the platform unless the operator listed it (checked at every
   * connection, see openCheckedSocket), and over TLS — implicit (`secure`) or STARTTLS, which
   * is then required — unless SMTP_ALLOW_INSECURE.
   */
  private tenantTransport(smtp: TenantSmtp): Transporter {
    const host = normalizeSmtpHost(smtp.host);
    const options: SMTPPool.Options = {
      ...POOL,
      host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: !smtp.secure && !this.config.SMTP_ALLOW_INSECURE,
      auth: smtp.user
        ? {
            user: smtp.user,
            pass: smtp.passwordCiphertext ? this.encryptor.decrypt(smtp.passwordCiphertext) : '',
          }
        : undefined,
      getSocket: (_options, callback) => {
        openCheckedSocket(this.targets, host, smtp.port, POOL.connectionTimeout).then(
          (connection) => callback(null, { connection }),
          (error: Error) => callback(error, false),
        );
      },
    };
    return nodemailer.createTransport(options);
  }

  onApplicationShutdown(): void {
    this.platform?.close();
    this.platform = null;
    this.tenants.clear();
  }
}
