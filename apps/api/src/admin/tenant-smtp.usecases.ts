import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantSettingsRow } from '@guichet/db';
import { Encryptor } from '@guichet/platform';
import { type Locale, type SmtpSettingsRequest, type SmtpSettingsView, type SmtpTestResponse, type TenantSettings, tenantSettingsSchema } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { AuditLog } from '../audit/audit-log.js';
import { EmailOutbox } from '../outbox/email-outbox.js';
import { type AdminActor, adminAudit } from './admin-request.js';
import { TenantChanges } from './tenant-changes.js';
import { smtpView } from './tenant-queries.js';

type StoredSmtp = NonNullable<TenantSettingsRow['smtp']>;

/** What the audit log keeps of SMTP settings: whether there is a password, never the password. */
const auditSmtp = (smtp: TenantSettingsRow['smtp'], email: TenantSettings['email']) =>
  smtp
    ? { host: smtp.host, port: smtp.port, secure: smtp.secure, username: smtp.user, passwordSet: Boolean(smtp.passwordCiphertext), sender: email }
    : { usingPlatformDefault: true, sender: email };

/**
 * `PUT smtp`: the tenant's own SMTP server (password encrypted at rest; omitted = kept),
 * and the sender when given. `DELETE smtp` (`input` null): back to the platform's SMTP_URL.
 */
@Injectable()
export class SaveTenantSmtp {
  constructor(
    private readonly changes: TenantChanges,
    private readonly encryptor: Encryptor,
  ) {}

  async execute(actor: AdminActor, tenantId: string, input: SmtpSettingsRequest | null): Promise<SmtpSettingsView> {
    return this.changes.apply(tenantId, actor, async (em, current) => {
      let smtp: StoredSmtp | null = null;
      let settings = current.settings;
      if (input) {
        const keep = current.smtp?.passwordCiphertext ?? null;
        smtp = {
          host: input.host,
          port: input.port,
          secure: input.secure,
          user: input.username === undefined ? (current.smtp?.user ?? null) : input.username || null,
          passwordCiphertext: input.password === undefined ? keep : input.password === null ? null : this.encryptor.encrypt(input.password),
        };
        settings = tenantSettingsSchema.parse({
          ...settings,
          email: {
            senderAddress: input.fromAddress ?? settings.email.senderAddress,
            senderName: input.fromName ?? settings.email.senderName,
            replyTo: input.replyTo === undefined ? settings.email.replyTo : input.replyTo,
          },
        });
      }
      const before = auditSmtp(current.smtp, current.settings.email);
      const after = auditSmtp(smtp, settings.email);
      const passwordChanged = input?.password !== undefined && input.password !== null;
      if (isDeepStrictEqual(before, after) && !passwordChanged) return { result: smtpView(settings, smtp) };
      await em.query('UPDATE tenant_settings SET smtp = $2::jsonb, settings = $3::jsonb WHERE tenant_id = $1', [tenantId, smtp ? JSON.stringify(smtp) : null, JSON.stringify(settings)]);
      return {
        result: smtpView(settings, smtp),
        audit: { action: input ? 'smtp.updated' : 'smtp.removed', before, after: passwordChanged ? { ...after, passwordChanged: true } : after },
      };
    });
  }
}

/** A test email to an address the admin gives, through the outbox and the worker like every email. */
@Injectable()
export class SendTestEmail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: AdminActor, tenantId: string, to: string, locale: Locale): Promise<SmtpTestResponse> {
    const job = await this.dataSource.transaction(async (em) => {
      const written = await this.outbox.write(em, {
        payload: { kind: 'test-email', tenantId, version: 1, recipient: { email: to, name: '' }, locale, data: { requestedBy: actor.admin.email } },
        userId: null,
      });
      await this.audit.recordIn(em, { ...adminAudit(actor, tenantId, 'smtp.test.requested'), targetType: 'delivery', targetId: written.outboxId, details: { to } });
      return written;
    });
    await this.outbox.enqueue([job]);
    return { deliveryId: job.outboxId };
  }
}
