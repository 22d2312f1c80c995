import { useState } from 'react';
import { USER_STATUS_FILTERS, type AdminUserView } from '@guichet/types';
import type { UserAction } from '../../api';
import { ThrottledError } from '../../errors';
import { Loadable, SubmitStatus } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { ImportPanel } from '../../components/import-panel';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n, type TextKey } from '../../i18n';
import { useTenantScope } from '../../tenant-context';

const PAGE_SIZE = 25;

const isLocked = (u: AdminUserView) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

/** CSV import with its report, then the accounts: search, filter, page, and the actions on each. */
export function AccountsPage() {
  const { t } = useI18n();
  const { api, tenant } = useTenantScope();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const query = useDebouncedValue(q.trim(), 300);
  const { state, reload } = useAsync((signal) => api.users(tenant.id, { q: query, status: status as never, page, pageSize: PAGE_SIZE }, signal), [api, tenant.id, query, status, page]);
  const action = useSubmit();

  const run = async (user: AdminUserView, what: UserAction | 'send-reset') => {
    const okKey: TextKey = what === 'disable' ? 'userDisabled' : what === 'enable' ? 'userEnabled' : what === 'unlock' ? 'userUnlocked' : 'resetSent';
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
      <section className="card" aria-labelledby="users-title" data-testid="users-section">
        <h2 id="users-title">{t.usersTitle}</h2>
        <div className="filters" role="search" aria-label={t.usersSearchLabel}>
          <TextField id="users-q" type="search" label={t.searchLabel} hint={t.usersSearchHint} value={q} onChange={(v) => { setQ(v); setPage(1); }} autoComplete="off" spellCheck={false} />
          <SelectField
            id="users-status"
            label={t.columnStatus}
            value={status}
            onChange={(v) => { setStatus(v); setPage(1); }}
            options={[{ value: '', label: t.allStatuses }, ...USER_STATUS_FILTERS.map((s) => ({ value: s, label: t.userFilter[s] }))]}
          />
        </div>
        <SubmitStatus result={action.result} testId="user-action-status" />
        <Loadable state={state} onRetry={reload}>
          {(data) => (
            <>
              {data.items.length === 0 ? (
                <p className="muted" data-testid="users-empty">{t.noUsers}</p>
              ) : (
                <div className="table-scroll" role="region" aria-labelledby="users-title" tabIndex={0}>
                  <table className="data-table" data-testid="users-table" aria-busy={state.status === 'loading'}>
                    <thead>
                      <tr>
                        <th scope="col">{t.usernameLabel}</th>
                        <th scope="col">{t.personName}</th>
                        <th scope="col">{t.emailLabel}</th>
                        <th scope="col">{t.columnStatus}</th>
                        <th scope="col">{t.actions}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((u) => (
                        <tr key={u.id} data-username={u.username} data-testid="user-row">
                          <th scope="row" className="cell-name">
                            <code>{u.username}</code>
                          </th>
                          <td data-label={t.personName}>{t.fullName(u.firstName, u.lastName)}</td>
                          <td data-label={t.emailLabel} className="cell-url">{u.email}</td>
                          <td data-label={t.columnStatus}>
                            <span className={`badge badge-${u.status}`} data-testid="user-status">{t.userStatus(u.status)}</span>{' '}
                            {isLocked(u) && <span className="badge badge-locked">{t.lockedBadge}</span>}{' '}
                            {!u.enrolled && <span className="badge badge-disabled">{t.notEnrolledBadge}</span>}
                            <span className="cell-sub">{t.lastLoginAt(u.lastLoginAt ? formatDateTime(u.lastLoginAt, t.intlLocale) : t.never)}</span>
                          </td>
                          <td data-label={t.actions}>
                            <div className="row-actions row-actions-stacked">
                              {u.status === 'active' ? (
                                <button type="button" className="button button-quiet button-small" onClick={() => void run(u, 'disable')} disabled={action.pending} data-testid="user-disable">
                                  {t.disableUser}<span className="visually-hidden"> {u.username}</span>
                                </button>
                              ) : (
                                <button type="button" className="button button-quiet button-small" onClick={() => void run(u, 'enable')} disabled={action.pending} data-testid="user-enable">
                                  {t.enableUser}<span className="visually-hidden"> {u.username}</span>
                                </button>
                              )}
                              {isLocked(u) && (
                                <button type="button" className="button button-quiet button-small" onClick={() => void run(u, 'unlock')} disabled={action.pending} data-testid="user-unlock">
                                  {t.unlockUser}<span className="visually-hidden"> {u.username}</span>
                                </button>
                              )}
                              {u.status === 'active' && (
                                <button type="button" className="button button-quiet button-small" onClick={() => void run(u, 'send-reset')} disabled={action.pending} data-testid="user-send-reset">
                                  {u.enrolled ? t.sendResetLink : t.sendEnrolmentLink}<span className="visually-hidden"> {u.username}</span>
                                </button>
                              )}
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t.usersPagination} />
            </>
          )}
        </Loadable>
      </section>
    </div>
  );
}
