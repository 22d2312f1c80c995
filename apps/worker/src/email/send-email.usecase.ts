import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailDelivery } from '@guichet/db';
import { render } from '@guichet/mail';
import { Encryptor } from '@guichet/platform';
import { LINK_KINDS } from '@guichet/types';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
    private readonly transports: TransportPool,
    private readonly tenants: TenantEmailSettings,
    private readonly metrics: WorkerMetrics,
    private readonly sent: SentRecorder,
  ) {}

  /** `tenantId` is the job's: a job naming another tenant's row claims nothing. */
  async execute(outboxId: string, tenantId: string, finalAttempt: boolean): Promise<SendOutcome> {
    const deliveries = this.dataSource.getRepository(EmailDelivery);
    // Claim the row and learn in the same statement whether its link is still valid.
    type Claimed = Pick<
      EmailDelivery,
      'id' | 'tenantId' | 'kind' | 'recipient' | 'payload' | 'tokenCiphertext'
    > & { linkValid: boolean };
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [claimed]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE email_deliveries d SET status = 'sending', attempts = d.attempts + 1, updated_at = now()
          WHERE d.id = $1 AND d.tenant_id = $2 AND d.status IN ('queued', 'sending', 'failed')
          RETURNING d.id, d.tenant_id AS "tenantId", d.kind, d.recipient, d.payload, d.token_ciphertext AS "tokenCiphertext",
            EXISTS (SELECT 1 FROM action_tokens t WHERE t.id = d.action_token_id AND t.tenant_id = d.tenant_id
                    AND t.consumed_at IS NULL AND t.voided_at IS NULL AND t.expires_at > now()) AS "linkValid"`,
      [outboxId, tenantId],
    );
    const row = claimed[0];
    if (!row) return 'already-done';

    let token: string | null = null;
    if (LINK_KINDS.includes(row.kind)) {
      if (!row.linkValid || !row.tokenCiphertext) {
        await deliveries.update(
          { id: row.id, tenantId: row.tenantId },
          {
            status: 'cancelled',
            tokenCiphertext: null,
            lastError: 'not sent: the link was used, replaced by a newer one or expired',
          },
        );
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
      await deliveries.update(
        { id: row.id, tenantId: row.tenantId },
        { status: 'failed', lastError: `render: ${(error as Error).message}`.slice(0, 500) },
      );
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
      await deliveries.update(
        { id: row.id, tenantId: row.tenantId },
        permanent
          ? { status: 'failed', lastError: reason, tokenCiphertext: null }
          : { status: finalAttempt ? 'failed' : 'queued', lastError: reason },
      );
      if (permanent) throw new UnrecoverableError(reason);
      throw new Error(reason, { cause: error });
    }
  }
}
