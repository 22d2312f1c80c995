import { useState } from 'react';
import { DELIVERY_STATUSES, EMAIL_KINDS, type DeliveryView } from '@guichet/types';
import { PagedTable, RowButton } from '../../components/data-table';
import { SubmitStatus } from '../../components/feedback';
import { FilterSelect, SearchField } from '../../components/fields';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useListPage } from '../../hooks/use-list-page';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n } from '../../i18n';
import { useTenantScope } from '../../tenant-context';

const PAGE_SIZE = 25;

/** Emails sent or waiting, newest first; a failed one can be sent again. */
export function DeliveriesPage() {
  const { t } = useI18n();
  const { api, tenant } = useTenantScope();
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const { page, setPage, firstPage } = useListPage();
  const query = useDebouncedValue(q.trim(), 300);
  const { state, reload } = useAsync(
    (signal) =>
      api.deliveries(
        tenant.id,
        { status: status as never, kind: kind as never, q: query, page, pageSize: PAGE_SIZE },
        signal,
      ),
    [api, tenant.id, status, kind, query, page],
  );
  const retry = useSubmit();

  const onRetry = async (d: DeliveryView) => {
    const result = await retry.run(() => api.retryDelivery(tenant.id, d.id), 'deliveryRequeued');
    if (result.ok) reload();
  };

  return (
    <section className="card" aria-labelledby="deliveries-title" data-testid="deliveries-section">
      <div className="card-header">
        <h2 id="deliveries-title">{t.deliveriesTitle}</h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={reload}
          data-testid="deliveries-refresh"
        >
          {t.refresh}
        </button>
      </div>
      <div className="filters" role="search" aria-label={t.deliveriesFilterLabel}>
        <FilterSelect
          id="deliveries-status"
          label={t.columnStatus}
          value={status}
          onChange={firstPage(setStatus)}
          allLabel={t.allStatuses}
          values={DELIVERY_STATUSES}
          labelOf={(s) => t.deliveryStatus[s]}
        />
        <FilterSelect
          id="deliveries-kind"
          label={t.templateMessage}
          value={kind}
          onChange={firstPage(setKind)}
          allLabel={t.allKinds}
          values={EMAIL_KINDS}
          labelOf={(k) => t.emailKind[k]}
        />
        <SearchField
          id="deliveries-q"
          label={t.recipientSearch}
          value={q}
          onChange={firstPage(setQ)}
        />
      </div>
      <SubmitStatus result={retry.result} testId="retry-status" />
      <PagedTable
        state={state}
        onRetry={reload}
        onPage={setPage}
        pagerLabel={t.deliveriesPagination}
        empty={{ text: t.noDeliveries, testId: 'deliveries-empty' }}
        labelledBy="deliveries-title"
        testId="deliveries-table"
        columns={[
          t.createdAtColumn,
          t.templateMessage,
          t.recipient,
          t.columnStatus,
          t.attempts,
          t.actions,
        ]}
        row={(d) => (
          <tr
            key={d.id}
            data-testid="delivery-row"
            data-status={d.status}
            data-recipient={d.recipient}
          >
            <th scope="row" className="cell-nowrap">
              <time dateTime={d.createdAt}>{formatDateTime(d.createdAt, t.intlLocale)}</time>
            </th>
            <td data-label={t.templateMessage}>
              {t.emailKind[d.kind]} <span className="muted">({d.locale})</span>
            </td>
            <td data-label={t.recipient} className="cell-url">
              {d.recipient}
            </td>
            <td data-label={t.columnStatus}>
              <span className={`badge badge-delivery-${d.status}`} data-testid="delivery-status">
                {t.deliveryStatus[d.status]}
              </span>
              {d.sentAt && (
                <span className="cell-sub">{formatDateTime(d.sentAt, t.intlLocale)}</span>
              )}
              {d.lastError && d.status !== 'sent' && (
                <span className="cell-sub error-detail" lang="en">
                  {d.lastError}
                </span>
              )}
            </td>
            <td data-label={t.attempts}>{d.attempts}</td>
            <td data-label={t.actions}>
              {d.status === 'failed' && (
                <RowButton
                  variant="secondary"
                  label={t.retryDelivery}
                  subject={d.recipient}
                  onClick={() => void onRetry(d)}
                  disabled={retry.pending}
                  testId="delivery-retry"
                />
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
