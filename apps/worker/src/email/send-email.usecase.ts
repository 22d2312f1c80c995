import { Injectable, Logger } from '@nestjs/common';
import { EmailDeliveriesRepository, type TenantId } from '@guichet/db';
import { render } from '@guichet/mail';
import { Encryptor } from '@guichet/platform';
import { LINK_KINDS } from '@guichet/types';
import { UnrecoverableError } from 'bullmq';
import { WorkerMetrics } from '../metrics.js';
import { describeSmtpFailure, isPermanentSmtpFailure, smtpFailureDetail } from './smtp-errors.js';
import { TenantEmailSettings } from './tenant-email-settings.js';
import { SentRecorder } from './sent-recorder.js';
import { TransportPool } from './transports.js';

export type SendOutcome = 'sent' | 'already-done' | 'cancelled';

/**
 * Sends one outbox row: checks that its link is still valid, renders it with the tenant's
 * templates, sends it and records the result. The token is decrypted only in memory and
 * wiped from the row once sent.
 */
@Injectable()
export class SendEmail {
  private readonly logger = new Logger(SendEmail.name);

  constructor(
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly encryptor: Encryptor,
    private readonly transports: TransportPool,
    private readonly tenants: TenantEmailSettings,
    private readonly metrics: WorkerMetrics,
    private readonly sent: SentRecorder,
  ) {}

  /** `tenantId` is the job's: a job naming another tenant's row claims nothing. */
  async execute(outboxId: string, tenantId: TenantId, finalAttempt: boolean): Promise<SendOutcome> {
    // Claim the row and learn in the same statement whether its link is still valid.
    const row = await this.deliveries.claim(tenantId, outboxId);
    if (!row) return 'already-done';

    let token: string | null = null;
    if (LINK_KINDS.includes(row.kind)) {
      if (!row.linkValid || !row.tokenCiphertext) {
        await this.deliveries.change(row.tenantId, row.id, {
          status: 'cancelled',
          tokenCiphertext: null,
          lastError: 'not sent: the link was used, replaced by a newer one or expired',
        });
        return 'cancelled';
      }
      token = this.encryptor.decrypt(row.tokenCiphertext);
    }

    const { tenant, settings, overrides } = await this.tenants.get(row.tenantId, row.kind);
    let email;
    try {
      email = render({
        tenant: {
          id: tenant.id,
          name: tenant.name,
          settings: settings.settings,
          version: settings.version,
          publicUrl: tenant.publicUrl,
        },
        payload: row.payload,
        link: token
          ? `${tenant.publicUrl}/reset-password?token=${encodeURIComponent(token)}`
          : undefined,
        overrides,
        onInvalidOverride: 'use-default',
      });
    } catch (error) {
      await this.deliveries.change(row.tenantId, row.id, {
        status: 'failed',
        lastError: `render: ${(error as Error).message}`.slice(0, 500),
      });
      throw new UnrecoverableError(`render failed: ${(error as Error).message}`);
    }

    const { senderAddress, senderName, replyTo } = settings.settings.email;
    const started = process.hrtime.bigint();
    try {
      const info = await this.transports.get(tenant.id, settings.smtp).sendMail({
        from: { name: senderName, address: senderAddress },
        to: row.recipient,
        replyTo: replyTo ?? undefined,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: { 'X-Guichet-Delivery': row.id, 'Auto-Submitted': 'auto-generated' },
      });
      this.metrics.sendDuration.observe(
        { result: 'sent' },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
      // The hot path: sent, and the token wiped, in one statement with the other jobs of
      // this moment; the job completes only once it is committed (SentRecorder).
      await this.sent.record(row.tenantId, { id: row.id, smtpMessageId: info.messageId ?? null });
      return 'sent';
    } catch (error) {
      this.metrics.sendDuration.observe(
        { result: 'error' },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
      const permanent = isPermanentSmtpFailure(error);
      const reason = describeSmtpFailure(error);
      this.logger.warn(
        `delivery ${row.id} (${row.kind}, tenant ${tenant.slug}) ${permanent ? 'refused' : 'failed'}: ${smtpFailureDetail(error)}`,
      );
      await this.deliveries.change(
        row.tenantId,
        row.id,
        permanent
          ? { status: 'failed', lastError: reason, tokenCiphertext: null }
          : { status: finalAttempt ? 'failed' : 'queued', lastError: reason },
      );
      if (permanent) throw new UnrecoverableError(reason);
      throw new Error(reason, { cause: error });
    }
  }
}
