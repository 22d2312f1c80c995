import { DELIVERY_STATUSES, EMAIL_KINDS, type DeliveryView } from '@guichet/types';
import { PagedTable, RowButton } from '../../components/data-table';
import { SubmitStatus } from '../../components/feedback';
import { ListFilters } from '../../components/list-filters';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useListFilters } from '../../hooks/use-list-page';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { Card } from '../../components/card';

const PAGE_SIZE = 25;

/** Emails sent or waiting, newest first; a failed one can be sent again. */
export function DeliveriesPage() {
  const { t } = useI18n();
  const { api, tenant } = useTenantScope();
  const { filters, filter, page, setPage } = useListFilters('deliveries', {
    status: '',
    kind: '',
    q: '',
  });
  const query = useDebouncedValue(filters.q.trim(), 300);
  const { status, kind } = filters;
  const deliveries = useAsync(
    (signal) =>
      api.deliveries(
        tenant.id,
        { status: status as never, kind: kind as never, q: query, page, pageSize: PAGE_SIZE },
        signal,
      ),
    [api, tenant.id, status, kind, query, page],
  );
  const { reload } = deliveries;
  const retry = useSubmit();

  const onRetry = async (d: DeliveryView) => {
    const result = await retry.run(() => api.retryDelivery(tenant.id, d.id), 'deliveryRequeued');
    if (result.ok) reload();
  };

  return (
    <Card
      name="deliveries"
      title={t.deliveriesTitle}
      actions={
        <button
          type="button"
          className="button button-quiet"
          onClick={reload}
          data-testid="deliveries-refresh"
        >
          {t.refresh}
        </button>
      }
    >
      <ListFilters
        label={t.deliveriesFilterLabel}
        filter={filter}
        specs={[
          {
            key: 'status',
            kind: 'select',
            label: t.columnStatus,
            all: t.allStatuses,
            values: DELIVERY_STATUSES,
            labels: t.deliveryStatus,
          },
          {
            key: 'kind',
            kind: 'select',
            label: t.templateMessage,
            all: t.allKinds,
            values: EMAIL_KINDS,
            labels: t.emailKind,
          },
          { key: 'q', kind: 'search', label: t.recipientSearch },
        ]}
      />
      <SubmitStatus result={retry.result} testId="retry-status" />
      <PagedTable
        name="deliveries"
        source={deliveries}
        pager={{ label: t.deliveriesPagination, onPage: setPage }}
        empty={t.noDeliveries}
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
    </Card>
  );
}
