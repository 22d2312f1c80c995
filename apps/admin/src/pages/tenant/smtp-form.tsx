import { useState, type FormEvent } from 'react';
import { smtpSettingsRequestSchema, type SmtpSettingsRequest } from '@guichet/types';
import { FormActions, FormCard } from '../../components/card';
import { ActionButton, SubmitStatus } from '../../components/feedback';
import { CheckboxField, NO_ASSIST, NumberField, TextField } from '../../components/fields';
import { bindFields } from '../../form-fields';
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
  const { field, check, set } = bindFields(values, errors, setValues, 'smtp');

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
    <FormCard name="smtp" title={t.smtpTitle} onSubmit={onSubmit}>
      <p className="notice notice-info" data-testid="smtp-mode">
        {smtp.usingPlatformDefault
          ? t.smtpUsingPlatform
          : t.smtpUsingOwn(smtp.host ?? '', smtp.port ?? 0)}
      </p>
      <div className="form-grid">
        <TextField
          id="smtp-host"
          label={t.smtpHostLabel}
          {...field('host')}
          autoCapitalize="none"
          spellCheck={false}
        />
        <NumberField
          id="smtp-port"
          label={t.smtpPortLabel}
          hint={t.smtpPortHint}
          {...field('port')}
          min={1}
          max={65535}
        />
        <TextField
          id="smtp-username"
          label={t.smtpUsernameLabel}
          hint={t.optional}
          {...field('username')}
          {...NO_ASSIST}
          autoCapitalize="none"
        />
        <TextField
          id="smtp-password"
          type="password"
          label={t.smtpPasswordLabel}
          hint={smtp.passwordSet ? t.smtpPasswordKept : t.optional}
          {...field('password')}
          autoComplete="new-password"
          disabled={values.removePassword}
        />
      </div>
      <CheckboxField
        id="smtp-secure"
        label={t.smtpSecureLabel}
        hint={t.smtpSecureHint}
        {...check('secure')}
      />
      {smtp.passwordSet && (
        <CheckboxField
          id="smtp-remove-password"
          label={t.smtpRemovePassword}
          checked={values.removePassword}
          onChange={set('removePassword')}
        />
      )}
      <FormActions submit={submit} label={t.saveSmtp} pendingLabel={t.saving} testId="smtp-save">
        {!smtp.usingPlatformDefault && (
          <ActionButton
            label={t.usePlatformSmtp}
            onClick={usePlatform}
            busy={submit.pending}
            testId="smtp-use-platform"
          />
        )}
      </FormActions>
      <SubmitStatus result={submit.result} testId="smtp-status" />
    </FormCard>
  );
}

const prefixed = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [`smtp.${k}`, v]));
