import { useState, type FormEvent } from 'react';
import { createAdminRequestSchema, type AdminRole, type TenantSummary } from '@guichet/types';
import type { ApiClient } from '../api';
import { serverFieldErrors } from '../errors';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { checkedOrShown, type FieldErrors } from '../validation';
import { AdminAccessFields } from './admin-access-fields';
import { bindFields } from '../form-fields';
import { CreateActions, FormCard } from './card';
import { NO_ASSIST, TextField } from './fields';

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

  const { field } = bindFields(values, errors, setValues);
  return (
    <FormCard name="create-admin" title={t.createAdminTitle} onSubmit={onSubmit}>
      <div className="form-grid">
        <TextField
          id="new-admin-email"
          type="email"
          label={t.emailLabel}
          {...field('email')}
          {...NO_ASSIST}
        />
        <TextField
          id="new-admin-password"
          type="password"
          label={t.initialPassword}
          hint={t.adminPasswordHint}
          {...field('password')}
          autoComplete="new-password"
        />
      </div>
      <AdminAccessFields
        idPrefix="new-admin"
        tenants={tenants}
        access={values}
        onChange={(access) => setValues((v) => ({ ...v, ...access }))}
        error={errors.tenantIds}
      />
      <CreateActions name="create-admin" submit={submit} label={t.createAdmin} />
    </FormCard>
  );
}
