import { useI18n } from '../i18n';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label: string;
}

/** « Page 2 of 7 » with previous / next; the count of results is announced when it changes. */
export function Pager({ page, pageSize, total, onPage, label }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={label} data-testid="pager">
      <p className="pager-count" role="status" data-testid="result-count">
        {t.resultsCount(total)}
      </p>
      <div className="pager-buttons">
        <button
          type="button"
          className="button button-quiet"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
          data-testid="page-previous"
        >
          {t.previousPage}
        </button>
        <span className="pager-position">{t.pageOf(page, pages)}</span>
        <button
          type="button"
          className="button button-quiet"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
          data-testid="page-next"
        >
          {t.nextPage}
        </button>
      </div>
    </nav>
  );
}
