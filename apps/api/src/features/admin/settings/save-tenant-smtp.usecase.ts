import { isDeepStrictEqual } from 'node:util';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { type TenantId, type TenantSettingsRow, TenantSettingsRepository } from '@guichet/db';
import { Encryptor, normalizeSmtpHost, SmtpTargetPolicy } from '@guichet/platform';
import {
  type SmtpSettingsRequest,
  type SmtpSettingsView,
  type TenantSettings,
  tenantSettingsSchema,
} from '@guichet/types';
import { type AppConfig, CONFIG } from '../../../platform/config/config.js';
import type { AdminActor } from '../access/admin-request.js';
import { TenantChanges } from '../tenants/tenant-changes.js';
import { smtpView } from '../tenants/tenant-queries.js';

type StoredSmtp = NonNullable<TenantSettingsRow['smtp']>;

/** What the audit log keeps of SMTP settings: whether there is a password, never the password. */
const auditSmtp = (smtp: TenantSettingsRow['smtp'], email: TenantSettings['email']) =>
  smtp
    ? {
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        username: smtp.user,
        passwordSet: Boolean(smtp.passwordCiphertext),
        sender: email,
      }
    : { usingPlatformDefault: true, sender: email };

/** Whether the stored password was meant for this server and user: otherwise it must not follow a change of either. */
const sameServer = (stored: StoredSmtp | null, host: string, port: number, user: string | null) =>
  stored !== null &&
  normalizeSmtpHost(stored.host) === normalizeSmtpHost(host) &&
  stored.port === port &&
  stored.user === user;

/**
 * `PUT smtp`: the tenant's own SMTP server (password encrypted at rest; omitted = kept for
 * the same host, port and user, dropped otherwise), and the sender when given. The server
 * must be outside the platform (SmtpTargetPolicy) unless the operator listed it.
 * `DELETE smtp` (`input` null): back to the platform's SMTP_URL.
 */
@Injectable()
export class SaveTenantSmtp {
  private readonly targets: SmtpTargetPolicy;

  constructor(
    private readonly changes: TenantChanges,
    private readonly settingsRows: TenantSettingsRepository,
    private readonly encryptor: Encryptor,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.targets = new SmtpTargetPolicy(config.smtpAllowList);
  }

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    input: SmtpSettingsRequest | null,
  ): Promise<SmtpSettingsView> {
    if (input) {
      // Outside the transaction: a DNS lookup must not hold the tenant's settings row locked.
      const refused = await this.targets.refusal(input.host, input.port);
      if (refused)
        throw new BadRequestException({
          error: 'smtp_target_refused',
          message: refused.message,
          fields: { [refused.field]: [refused.message] },
        });
    }
    return this.changes.apply(tenantId, actor, async (em, current) => {
      let smtp: StoredSmtp | null = null;
      let settings = current.settings;
      let passwordDropped = false;
      if (input) {
        const user =
          input.username === undefined ? (current.smtp?.user ?? null) : input.username || null;
        const keep = sameServer(current.smtp, input.host, input.port, user)
          ? (current.smtp?.passwordCiphertext ?? null)
          : null;
        passwordDropped =
          input.password === undefined && Boolean(current.smtp?.passwordCiphertext) && !keep;
        smtp = {
          host: input.host,
          port: input.port,
          secure: input.secure,
          user,
          passwordCiphertext:
            input.password === undefined
              ? keep
              : input.password === null
                ? null
                : this.encryptor.encrypt(input.password),
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
      if (isDeepStrictEqual(before, after) && !passwordChanged)
        return { result: smtpView(settings, smtp) };
      await this.settingsRows.in(em).replaceWithSmtp(tenantId, settings, smtp);
      return {
        result: smtpView(settings, smtp),
        audit: {
          action: input ? 'smtp.updated' : 'smtp.removed',
          before,
          after: {
            ...after,
            ...(passwordChanged && { passwordChanged: true }),
            ...(passwordDropped && { passwordDropped: true }),
          },
        },
      };
    });
  }
}
