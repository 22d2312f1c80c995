import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailDelivery, EmailTemplate, Tenant, TenantSettingsRow } from '@guichet/db';
import { render, type TemplateOverrides } from '@guichet/mail';
import { Encryptor } from '@guichet/platform';
import { LINK_KINDS } from '@guichet/types';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { WorkerMetrics } from '../metrics.js';
import { describeSmtpFailure, isPermanentSmtpFailure } from './smtp-errors.js';
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
    private readonly metrics: WorkerMetrics,
  ) {}

  async execute(outboxId: string, finalAttempt: boolean): Promise<SendOutcome> {
    const deliveries = this.dataSource.getRepository(EmailDelivery);
    const row = await deliveries.findOneBy({ id: outboxId });
    if (!row || row.status === 'sent' || row.status === 'cancelled') return 'already-done';

    let token: string | null = null;
    if (LINK_KINDS.includes(row.kind)) {
      const valid = row.actionTokenId
        ? await this.dataSource.query(
            'SELECT 1 FROM action_tokens WHERE id = $1 AND tenant_id = $2 AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > now()',
            [row.actionTokenId, row.tenantId],
          )
        : [];
      if (!valid.length || !row.tokenCiphertext) {
        await deliveries.update(
          { id: row.id, tenantId: row.tenantId },
          { status: 'cancelled', tokenCiphertext: null, lastError: 'not sent: the link was used, replaced by a newer one or expired' },
        );
        return 'cancelled';
      }
      token = this.encryptor.decrypt(row.tokenCiphertext);
    }

    const [tenant, settings, templates] = await Promise.all([
      this.dataSource.getRepository(Tenant).findOneByOrFail({ id: row.tenantId }),
      this.dataSource.getRepository(TenantSettingsRow).findOneByOrFail({ tenantId: row.tenantId }),
      this.dataSource.getRepository(EmailTemplate).findBy({ tenantId: row.tenantId, kind: row.kind }),
    ]);
    await deliveries.update({ id: row.id, tenantId: row.tenantId }, { status: 'sending', attempts: () => 'attempts + 1' });

    const overrides: TemplateOverrides = {};
    for (const t of templates) (overrides[t.kind] ??= {})[t.locale] = { subject: t.subject, html: t.html, text: t.text };
    let email;
    try {
      email = render({
        tenant: { id: tenant.id, name: tenant.name, settings: settings.settings, version: settings.version, publicUrl: tenant.publicUrl },
        payload: row.payload,
        link: token ? `${tenant.publicUrl}/reset-password?token=${encodeURIComponent(token)}` : undefined,
        overrides,
        onInvalidOverride: 'use-default',
      });
    } catch (error) {
      await deliveries.update({ id: row.id, tenantId: row.tenantId }, { status: 'failed', lastError: `render: ${(error as Error).message}`.slice(0, 500) });
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
      this.metrics.sendDuration.observe({ result: 'sent' }, Number(process.hrtime.bigint() - started) / 1e9);
      await deliveries.update(
        { id: row.id, tenantId: row.tenantId },
        { status: 'sent', sentAt: new Date(), smtpMessageId: info.messageId ?? null, tokenCiphertext: null, lastError: null },
      );
      return 'sent';
    } catch (error) {
      this.metrics.sendDuration.observe({ result: 'error' }, Number(process.hrtime.bigint() - started) / 1e9);
      const permanent = isPermanentSmtpFailure(error);
      const reason = describeSmtpFailure(error);
      this.logger.warn(`delivery ${row.id} (${row.kind}, tenant ${tenant.slug}) ${permanent ? 'refused' : 'failed'}: ${reason}`);
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
