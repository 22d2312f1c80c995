import { useState, type FormEvent } from 'react';
import { createAdminRequestSchema, type AdminRole, type TenantSummary } from '@guichet/types';
import type { ApiClient } from '../api';
import { serverFieldErrors } from '../errors';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { checkedOrShown, type FieldErrors } from '../validation';
import { AdminAccessFields } from './admin-access-fields';
import { SubmitButton, SubmitStatus } from './feedback';
import { TextField } from './fields';

/** A new administrator account: email, initial password, role and tenants. */
export function CreateAdminForm({
  api,
  tenants,
  onCreated,
}: {
  api: ApiClient;
  tenants: TenantSummary[];
  onCreated: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    email: '',
    password: '',
    role: 'tenant-admin' as AdminRole,
    tenantIds: [] as string[],
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...values,
      email: values.email.trim(),
      tenantIds: values.role === 'platform-admin' ? [] : values.tenantIds,
    };
    const data = checkedOrShown(createAdminRequestSchema.safeParse(body), setErrors, t, {
      tenantIds: t.pickATenant,
    });
    if (!data) return;
    const result = await submit.run(() => api.createAdmin(data), 'adminCreated');
    if (result.ok) {
      setValues({ email: '', password: '', role: 'tenant-admin', tenantIds: [] });
      onCreated();
    } else setErrors(serverFieldErrors(result.error));
  };

  return (
    <form
      className="card"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="create-admin-title"
      data-testid="create-admin-form"
    >
      <h2 id="create-admin-title">{t.createAdminTitle}</h2>
      <div className="form-grid">
        <TextField
          id="new-admin-email"
          path="email"
          type="email"
          label={t.emailLabel}
          error={errors.email}
          value={values.email}
          onChange={(email) => setValues((v) => ({ ...v, email }))}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id="new-admin-password"
          path="password"
          type="password"
          label={t.initialPassword}
          hint={t.adminPasswordHint}
          error={errors.password}
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
          autoComplete="new-password"
        />
      </div>
      <AdminAccessFields
        idPrefix="new-admin"
        role={values.role}
        onRoleChange={(role) => setValues((v) => ({ ...v, role }))}
        tenants={tenants}
        tenantIds={values.tenantIds}
        onTenantIdsChange={(tenantIds) => setValues((v) => ({ ...v, tenantIds }))}
        error={errors.tenantIds}
      />
      <div className="form-actions">
        <SubmitButton
          pending={submit.pending}
          label={t.createAdmin}
          pendingLabel={t.creating}
          testId="create-admin-submit"
        />
      </div>
      <SubmitStatus result={submit.result} testId="create-admin-status" />
    </form>
  );
}
