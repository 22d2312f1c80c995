import { useState, type FormEvent } from 'react';
import { smtpSettingsRequestSchema, type SmtpSettingsRequest } from '@guichet/types';
import { ActionButton, SubmitButton, SubmitStatus } from '../../components/feedback';
import { CheckboxField, NumberField, TextField } from '../../components/fields';
import { serverFieldErrors } from '../../errors';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { checkedOrShown, type FieldErrors } from '../../validation';

interface SmtpValues {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  removePassword: boolean;
}

/** The tenant’s own SMTP server, or the platform’s. */
export function SmtpForm() {
  const { t } = useI18n();
  const { api, tenant, setTenant } = useTenantScope();
  const smtp = tenant.smtp;
  const [values, setValues] = useState<SmtpValues>({
    host: smtp.host ?? '',
    port: smtp.port ?? 587,
    secure: smtp.secure,
    username: smtp.username ?? '',
    password: '',
    removePassword: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();
  const set = <K extends keyof SmtpValues>(key: K, value: SmtpValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {
      host: values.host,
      port: values.port,
      secure: values.secure,
      username: values.username.trim() || null,
    };
    if (values.removePassword) body.password = null;
    else if (values.password) body.password = values.password;
    const data = checkedOrShown(
      smtpSettingsRequestSchema.safeParse(body),
      setErrors,
      t,
      { host: t.smtpHostInvalid },
      ['smtp'],
    );
    if (!data) return;
    const result = await submit.run(() => api.putSmtp(tenant.id, data as SmtpSettingsRequest));
    if (result.ok) {
      setTenant({ ...tenant, smtp: result.value });
      setValues((v) => ({ ...v, password: '', removePassword: false }));
    } else setErrors(prefixed(serverFieldErrors(result.error)));
  };

  const usePlatform = async () => {
    if (!window.confirm(t.confirmPlatformSmtp)) return;
    const result = await submit.run(() => api.deleteSmtp(tenant.id), 'smtpReset');
    if (result.ok) setTenant({ ...tenant, smtp: result.value });
  };

  return (
    <form
      className="card"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="smtp-title"
      data-testid="smtp-form"
    >
      <h2 id="smtp-title">{t.smtpTitle}</h2>
      <p className="notice notice-info" data-testid="smtp-mode">
        {smtp.usingPlatformDefault
          ? t.smtpUsingPlatform
          : t.smtpUsingOwn(smtp.host ?? '', smtp.port ?? 0)}
      </p>
      <div className="form-grid">
        <TextField
          id="smtp-host"
          path="smtp.host"
          label={t.smtpHostLabel}
          error={errors['smtp.host']}
          value={values.host}
          onChange={(v) => set('host', v)}
          autoCapitalize="none"
          spellCheck={false}
        />
        <NumberField
          id="smtp-port"
          path="smtp.port"
          label={t.smtpPortLabel}
          hint={t.smtpPortHint}
          error={errors['smtp.port']}
          value={values.port}
          onChange={(v) => set('port', v)}
          min={1}
          max={65535}
        />
        <TextField
          id="smtp-username"
          path="smtp.username"
          label={t.smtpUsernameLabel}
          hint={t.optional}
          error={errors['smtp.username']}
          value={values.username}
          onChange={(v) => set('username', v)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          id="smtp-password"
          path="smtp.password"
          type="password"
          label={t.smtpPasswordLabel}
          hint={smtp.passwordSet ? t.smtpPasswordKept : t.optional}
          error={errors['smtp.password']}
          value={values.password}
          onChange={(v) => set('password', v)}
          autoComplete="new-password"
          disabled={values.removePassword}
        />
      </div>
      <CheckboxField
        id="smtp-secure"
        path="smtp.secure"
        label={t.smtpSecureLabel}
        hint={t.smtpSecureHint}
        checked={values.secure}
        onChange={(v) => set('secure', v)}
      />
      {smtp.passwordSet && (
        <CheckboxField
          id="smtp-remove-password"
          label={t.smtpRemovePassword}
          checked={values.removePassword}
          onChange={(v) => set('removePassword', v)}
        />
      )}
      <div className="form-actions">
        <SubmitButton
          pending={submit.pending}
          label={t.saveSmtp}
          pendingLabel={t.saving}
          testId="smtp-save"
        />
        {!smtp.usingPlatformDefault && (
          <ActionButton
            label={t.usePlatformSmtp}
            onClick={usePlatform}
            busy={submit.pending}
            testId="smtp-use-platform"
          />
        )}
      </div>
      <SubmitStatus result={submit.result} testId="smtp-status" />
    </form>
  );
}

const prefixed = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [`smtp.${k}`, v]));
