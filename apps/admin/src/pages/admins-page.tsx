import { useState, type FormEvent } from 'react';
import {
  ADMIN_ROLES,
  createAdminRequestSchema,
  updateAdminRequestSchema,
  type AdminAccountView,
  type AdminRole,
  type AdminView,
  type TenantSummary,
} from '@guichet/types';
import type { ApiClient } from '../api';
import { DataTable, RowButton } from '../components/data-table';
import { Loadable, SubmitButton, SubmitStatus } from '../components/feedback';
import { CheckboxField, TextField } from '../components/fields';
import { PageHeading } from '../components/page-heading';
import { serverFieldErrors } from '../errors';
import { formatDateTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { checkedOrShown, focusFirstError, type FieldErrors } from '../validation';

interface Props {
  api: ApiClient;
  admin: AdminView;
}

/** Platform admins: every administrator account, its role and tenants; new accounts. */
export function AdminsPage({ api, admin }: Props) {
  const { t } = useI18n();
  const admins = useAsync((signal) => api.admins(signal), [api]);
  const tenants = useAsync((signal) => api.tenants(signal), [api]);
  const tenantList = tenants.state.data ?? [];
  const action = useSubmit();
  const [editing, setEditing] = useState<string | null>(null);

  const toggle = async (a: AdminAccountView) => {
    const result = await action.run(
      () => api.updateAdmin(a.id, { disabled: a.status === 'active' }),
      a.status === 'active' ? 'adminDisabled' : 'adminEnabled',
    );
    if (result.ok) admins.reload();
  };

  return (
    <section className="page stack" aria-labelledby="admins-title">
      <PageHeading id="admins-title">{t.adminsTitle}</PageHeading>
      <p className="lead">{t.adminsIntro}</p>
      <SubmitStatus result={action.result} testId="admin-action-status" />
      <Loadable state={admins.state} onRetry={admins.reload}>
        {(list) => (
          <DataTable
            labelledBy="admins-title"
            testId="admins-table"
            columns={[
              t.emailLabel,
              t.roleColumn,
              t.navTenants,
              t.columnStatus,
              t.twoFactor,
              t.actions,
            ]}
          >
            {list.map((a) => (
              <tr key={a.id} data-email={a.email} data-testid="admin-row">
                <th scope="row" className="cell-name cell-url">
                  {a.email}
                </th>
                <td data-label={t.roleColumn}>{t.roleLabel(a.role)}</td>
                <td data-label={t.navTenants}>
                  {a.role === 'platform-admin' ? (
                    <span className="muted">{t.allTenants}</span>
                  ) : (
                    tenantNames(a.tenantIds, tenantList).join(', ')
                  )}
                  {editing === a.id && (
                    <EditAdmin
                      api={api}
                      account={a}
                      tenants={tenantList}
                      onDone={(changed) => {
                        setEditing(null);
                        if (changed) {
                          action.succeed('adminUpdated');
                          admins.reload();
                        }
                      }}
                    />
                  )}
                </td>
                <td data-label={t.columnStatus}>
                  <span className={`badge badge-${a.status}`}>{t.status(a.status)}</span>
                  {a.lockedUntil && new Date(a.lockedUntil) > new Date() && (
                    <span className="badge badge-locked">{t.lockedBadge}</span>
                  )}
                  <span className="cell-sub">
                    {t.createdOn(formatDateTime(a.createdAt, t.intlLocale, 'date'))}
                  </span>
                </td>
                <td data-label={t.twoFactor}>{a.totpEnabled ? t.on : t.off}</td>
                <td data-label={t.actions}>
                  {a.id !== admin.id && (
                    <div className="row-actions">
                      <RowButton
                        label={t.edit}
                        subject={a.email}
                        onClick={() => setEditing(editing === a.id ? null : a.id)}
                        expanded={editing === a.id}
                        testId="admin-edit"
                      />
                      <RowButton
                        label={a.status === 'active' ? t.disableUser : t.enableUser}
                        subject={a.email}
                        onClick={() => void toggle(a)}
                        disabled={action.pending}
                      />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Loadable>
      <CreateAdminForm api={api} tenants={tenantList} onCreated={admins.reload} />
    </section>
  );
}

function tenantNames(ids: string[], tenants: TenantSummary[]): string[] {
  return ids.map((id) => tenants.find((t) => t.id === id)?.name ?? id);
}

function TenantChecks({
  idPrefix,
  tenants,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  tenants: TenantSummary[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset
      className="fieldset"
      data-field="tenantIds"
      tabIndex={-1}
      aria-describedby={error ? `${idPrefix}-tenants-error` : undefined}
    >
      <legend>{t.adminTenantsLegend}</legend>
      {tenants.map((tn) => (
        <CheckboxField
          key={tn.id}
          id={`${idPrefix}-tenant-${tn.slug}`}
          label={tn.name}
          checked={selected.includes(tn.id)}
          onChange={(on) =>
            onChange(on ? [...selected, tn.id] : selected.filter((x) => x !== tn.id))
          }
        />
      ))}
      {error && (
        <p id={`${idPrefix}-tenants-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function RoleChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: AdminRole;
  onChange: (role: AdminRole) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{t.roleColumn}</legend>
      <div className="inline-checks">
        {ADMIN_ROLES.map((r) => (
          <div className="check" key={r}>
            <input
              type="radio"
              id={`${name}-${r}`}
              name={name}
              checked={value === r}
              onChange={() => onChange(r)}
            />
            <label htmlFor={`${name}-${r}`}>{t.roleLabel(r)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function CreateAdminForm({
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
      <RoleChoice
        name="new-admin-role"
        value={values.role}
        onChange={(role) => setValues((v) => ({ ...v, role }))}
      />
      {values.role === 'tenant-admin' && (
        <TenantChecks
          idPrefix="new-admin"
          tenants={tenants}
          selected={values.tenantIds}
          onChange={(tenantIds) => setValues((v) => ({ ...v, tenantIds }))}
          error={errors.tenantIds}
        />
      )}
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

/** Role, tenants and, when filled in, a new password (checked by the API against the admin floor). */
function EditAdmin({
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
  const [role, setRole] = useState<AdminRole>(account.role);
  const [tenantIds, setTenantIds] = useState(account.tenantIds);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();
  const idPrefix = `edit-${account.id}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const data = checkedOrShown(
      updateAdminRequestSchema.safeParse({
        role,
        tenantIds: role === 'platform-admin' ? [] : tenantIds,
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
      <RoleChoice name={`${idPrefix}-role`} value={role} onChange={setRole} />
      {role === 'tenant-admin' && (
        <TenantChecks
          idPrefix={idPrefix}
          tenants={tenants}
          selected={tenantIds}
          onChange={setTenantIds}
          error={errors.tenantIds}
        />
      )}
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
      <div className="form-actions">
        <SubmitButton
          pending={submit.pending}
          label={t.save}
          pendingLabel={t.saving}
          testId="edit-admin-save"
        />
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t.cancel}
        </button>
      </div>
      <SubmitStatus result={submit.result} />
    </form>
  );
}
