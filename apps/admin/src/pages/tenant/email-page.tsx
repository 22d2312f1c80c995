import type { FormEvent } from 'react';
import { emailSettingsSchema, type TenantSettings } from '@guichet/types';
import { SubmitButton, SubmitStatus } from '../../components/feedback';
import { NO_ASSIST, TextField } from '../../components/fields';
import { FormCard } from '../../components/card';
import { bindFields } from '../../form-fields';
import { useSettingsForm, type Validation } from '../../hooks/use-settings-form';
import { useSubmit } from '../../hooks/use-submit';
import { SettingsFormCard } from '../../components/settings-form-card';
import { useI18n, type Messages } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { zodFieldErrors } from '../../validation';
import { SmtpForm } from './smtp-form';

/** Sender, SMTP server and a test email. */
export function EmailPage() {
  return (
    <div className="stack">
      <SenderForm />
      <SmtpForm />
      <TestEmailForm />
    </div>
  );
}

type SenderValues = { senderAddress: string; senderName: string; replyTo: string };

function validateSender(v: SenderValues, t: Messages): Validation {
  const parsed = emailSettingsSchema.safeParse({
    senderAddress: v.senderAddress.trim(),
    senderName: v.senderName,
    replyTo: v.replyTo.trim() || null,
  });
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error, t, {}, ['email']) };
  return { patch: { email: parsed.data } };
}

function SenderForm() {
  const { t } = useI18n();
  const form = useSettingsForm<SenderValues>(
    (tn) => fromSettings(tn.settings.email),
    (v) => validateSender(v, t),
  );
  const { field } = bindFields(form.values, form.errors, form.setValues, 'email');
  return (
    <SettingsFormCard
      form={form}
      name="sender"
      title={t.senderTitle}
      intro={t.senderIntro}
      showDirty={false}
    >
      <div className="form-grid">
        <TextField
          id="sender-address"
          type="email"
          label={t.senderAddressLabel}
          {...field('senderAddress')}
          {...NO_ASSIST}
        />
        <TextField
          id="sender-name"
          label={t.senderNameLabel}
          {...field('senderName')}
          maxLength={200}
        />
        <TextField
          id="reply-to"
          type="email"
          label={t.replyToLabel}
          hint={t.optional}
          {...field('replyTo')}
          {...NO_ASSIST}
        />
      </div>
    </SettingsFormCard>
  );
}

function fromSettings(email: TenantSettings['email']): SenderValues {
  return {
    senderAddress: email.senderAddress,
    senderName: email.senderName,
    replyTo: email.replyTo ?? '',
  };
}

/** The test email goes to the signed-in admin's own address: the API takes no recipient. */
function TestEmailForm() {
  const { t } = useI18n();
  const { api, tenant, admin } = useTenantScope();
  const submit = useSubmit();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run(() => api.testSmtp(tenant.id, {}), 'testEmailQueued');
  };

  return (
    <FormCard name="test-email" title={t.testEmailTitle} onSubmit={onSubmit}>
      <p className="muted" data-testid="test-email-intro">
        {t.testEmailIntro(admin.email)}
      </p>
      <div className="inline-form">
        <SubmitButton
          pending={submit.pending}
          label={t.sendTestEmail}
          pendingLabel={t.sending}
          className="button button-secondary"
          testId="test-email-send"
        />
      </div>
      <SubmitStatus result={submit.result} testId="test-email-status" />
    </FormCard>
  );
}
