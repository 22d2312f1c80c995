import { useState } from 'react';
import type { AdminAccountView, AdminView, TenantSummary } from '@guichet/types';
import type { ApiClient } from '../api';
import { DataTable, RowButton } from '../components/data-table';
import { CreateAdminForm } from '../components/create-admin-form';
import { EditAdmin } from '../components/edit-admin-form';
import { Loadable, SubmitStatus } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { formatDateTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';

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
