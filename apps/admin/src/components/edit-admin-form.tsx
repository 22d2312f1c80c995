import { useState, type FormEvent } from 'react';
import {
  updateAdminRequestSchema,
  type TenantSummary,
  type AdminAccountView,
} from '@guichet/types';
import type { ApiClient } from '../api';
import { serverFieldErrors } from '../errors';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { checkedOrShown, focusFirstError, type FieldErrors } from '../validation';
import { AdminAccessFields, type AdminAccess } from './admin-access-fields';
import { FormActions } from './card';
import { SubmitStatus } from './feedback';
import { TextField } from './fields';

/** Role, tenants and, when filled in, a new password (checked by the API against the admin floor). */
export function EditAdmin({
  api,
  account,
  tenants,
  onDone,
}: {
  api: ApiClient;
  account: AdminAccountView;
  tenants: TenantSummary[];
  onDone: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const [access, setAccess] = useState<AdminAccess>({
    role: account.role,
    tenantIds: account.tenantIds,
  });
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();
  const idPrefix = `edit-${account.id}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const data = checkedOrShown(
      updateAdminRequestSchema.safeParse({
        role: access.role,
        tenantIds: access.role === 'platform-admin' ? [] : access.tenantIds,
        ...(password ? { password } : {}),
      }),
      setErrors,
      t,
      { tenantIds: t.pickATenant },
    );
    if (!data) return;
    const result = await submit.run(() => api.updateAdmin(account.id, data));
    if (result.ok) onDone(true);
    else {
      const fromServer = serverFieldErrors(result.error);
      setErrors(fromServer);
      focusFirstError(fromServer);
    }
  };

  return (
    <form
      className="inline-editor"
      noValidate
      onSubmit={onSubmit}
      aria-label={t.editAdmin(account.email)}
      data-testid="edit-admin-form"
    >
      <AdminAccessFields
        idPrefix={idPrefix}
        tenants={tenants}
        access={access}
        onChange={setAccess}
        error={errors.tenantIds}
      />
      <TextField
        id={`${idPrefix}-password`}
        path="password"
        type="password"
        label={t.newAdminPassword}
        hint={t.newAdminPasswordHint}
        error={errors.password}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        data-testid="edit-admin-password"
      />
      <FormActions submit={submit} testId="edit-admin-save">
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t.cancel}
        </button>
      </FormActions>
      <SubmitStatus result={submit.result} />
    </form>
  );
}
