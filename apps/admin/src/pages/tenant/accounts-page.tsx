import { USER_STATUS_FILTERS, type AdminUserView } from '@guichet/types';
import type { UserAction } from '../../api';
import { ThrottledError } from '../../errors';
import { PagedTable, RowButton } from '../../components/data-table';
import { SubmitStatus } from '../../components/feedback';
import { ListFilters } from '../../components/list-filters';
import { ImportPanel } from '../../components/import-panel';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useListFilters } from '../../hooks/use-list-page';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n, type TextKey } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { Card } from '../../components/card';

const PAGE_SIZE = 25;

const isLocked = (u: AdminUserView) =>
  u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

/** CSV import with its report, then the accounts: search, filter, page, and the actions on each. */
export function AccountsPage() {
  const { t } = useI18n();
  const { api, tenant } = useTenantScope();
  const { filters, filter, page, setPage } = useListFilters('users', { q: '', status: '' });
  const query = useDebouncedValue(filters.q.trim(), 300);
  const { status } = filters;
  const users = useAsync(
    (signal) =>
      api.users(
        tenant.id,
        { q: query, status: status as never, page, pageSize: PAGE_SIZE },
        signal,
      ),
    [api, tenant.id, query, status, page],
  );
  const { reload } = users;
  const action = useSubmit();

  const run = async (user: AdminUserView, what: UserAction | 'send-reset') => {
    const okKey: TextKey =
      what === 'disable'
        ? 'userDisabled'
        : what === 'enable'
          ? 'userEnabled'
          : what === 'unlock'
            ? 'userUnlocked'
            : 'resetSent';
    const result = await action.run(async () => {
      if (what === 'send-reset') {
        const sent = await api.sendReset(tenant.id, user.id);
        if (sent.outcome === 'throttled') throw new ThrottledError();
        return sent;
      }
      return api.userAction(tenant.id, user.id, what);
    }, okKey);
    if (result.ok) reload();
  };

  return (
    <div className="stack">
      <ImportPanel api={api} tenantId={tenant.id} onImported={reload} />
      <Card name="users" title={t.usersTitle}>
        <ListFilters
          label={t.usersSearchLabel}
          filter={filter}
          specs={[
            { key: 'q', kind: 'search', label: t.searchLabel, hint: t.usersSearchHint },
            {
              key: 'status',
              kind: 'select',
              label: t.columnStatus,
              all: t.allStatuses,
              values: USER_STATUS_FILTERS,
              labels: t.userFilter,
            },
          ]}
        />
        <SubmitStatus result={action.result} testId="user-action-status" />
        <PagedTable
          name="users"
          source={users}
          pager={{ label: t.usersPagination, onPage: setPage }}
          empty={t.noUsers}
          columns={[t.usernameLabel, t.personName, t.emailLabel, t.columnStatus, t.actions]}
          row={(u) => (
            <tr key={u.id} data-username={u.username} data-testid="user-row">
              <th scope="row" className="cell-name">
                <code>{u.username}</code>
              </th>
              <td data-label={t.personName}>{t.fullName(u.firstName, u.lastName)}</td>
              <td data-label={t.emailLabel} className="cell-url">
                {u.email}
              </td>
              <td data-label={t.columnStatus}>
                <span className={`badge badge-${u.status}`} data-testid="user-status">
                  {t.userStatus(u.status)}
                </span>{' '}
                {isLocked(u) && <span className="badge badge-locked">{t.lockedBadge}</span>}{' '}
                {!u.enrolled && <span className="badge badge-disabled">{t.notEnrolledBadge}</span>}
                <span className="cell-sub">
                  {t.lastLoginAt(
                    u.lastLoginAt ? formatDateTime(u.lastLoginAt, t.intlLocale) : t.never,
                  )}
                </span>
              </td>
              <td data-label={t.actions}>
                <div className="row-actions row-actions-stacked">
                  {u.status === 'active' ? (
                    <RowButton
                      label={t.disableUser}
                      subject={u.username}
                      onClick={() => void run(u, 'disable')}
                      disabled={action.pending}
                      testId="user-disable"
                    />
                  ) : (
                    <RowButton
                      label={t.enableUser}
                      subject={u.username}
                      onClick={() => void run(u, 'enable')}
                      disabled={action.pending}
                      testId="user-enable"
                    />
                  )}
                  {isLocked(u) && (
                    <RowButton
                      label={t.unlockUser}
                      subject={u.username}
                      onClick={() => void run(u, 'unlock')}
                      disabled={action.pending}
                      testId="user-unlock"
                    />
                  )}
                  {u.status === 'active' && (
                    <RowButton
                      label={u.enrolled ? t.sendResetLink : t.sendEnrolmentLink}
                      subject={u.username}
                      onClick={() => void run(u, 'send-reset')}
                      disabled={action.pending}
                      testId="user-send-reset"
                    />
                  )}
                </div>
              </td>
            </tr>
          )}
        />
      </Card>
    </div>
  );
}
