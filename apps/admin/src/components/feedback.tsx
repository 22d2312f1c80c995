import type { ReactNode } from 'react';
import { errorKey, serverDetail } from '../errors';
import type { SubmitResult } from '../hooks/use-submit';
import type { AsyncState } from '../hooks/use-async';
import { useI18n, type TextKey } from '../i18n';

/** A failed call as a sentence of the catalog, with the API's own detail when it adds something. */
export function ErrorMessage({ error, fallback }: { error: unknown; fallback?: TextKey }) {
  const { t } = useI18n();
  const key = errorKey(error);
  const detail = serverDetail(error);
  return (
    <>
      <span>{t[key === 'unexpectedError' && fallback ? fallback : key]}</span>
      {detail && (
        <span className="error-detail" lang="en">
          {detail}
        </span>
      )}
    </>
  );
}

/**
 * The outcome of a form: always in the page (live regions announce only what changes in
 * them), empty until there is something to say.
 */
export function SubmitStatus({ result, testId }: { result: SubmitResult; testId?: string }) {
  const { t } = useI18n();
  return (
    <div className="submit-status" data-testid={testId}>
      <div role="status" className="status-region">
        {result?.kind === 'ok' && (
          <p
            className="notice notice-success"
            data-testid={testId ? `${testId}-ok` : undefined}
            key={result.at}
          >
            {t[result.key]}
          </p>
        )}
      </div>
      <div role="alert" className="status-region">
        {result?.kind === 'error' && (
          <p
            className="notice notice-error"
            data-testid={testId ? `${testId}-error` : undefined}
            key={result.at}
          >
            <ErrorMessage error={result.error} />
          </p>
        )}
      </div>
    </div>
  );
}

/** Loading and failure of a page's data; `children` once it is there. */
export function Loadable<T>({
  state,
  onRetry,
  children,
  loadingKey = 'loading',
}: {
  state: AsyncState<T>;
  onRetry: () => void;
  children: (data: T) => ReactNode;
  loadingKey?: TextKey;
}) {
  const { t } = useI18n();
  if (state.data !== undefined) {
    return (
      <>
        {state.status === 'error' && (
          <div className="notice notice-error" role="alert">
            <ErrorMessage error={state.error} />{' '}
            <button type="button" className="button button-quiet" onClick={onRetry}>
              {t.retry}
            </button>
          </div>
        )}
        {children(state.data)}
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="card card-error" data-testid="load-error">
        <p role="alert">
          <ErrorMessage error={state.error} fallback="loadFailed" />
        </p>
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.retry}
        </button>
      </div>
    );
  }
  return (
    <p className="muted" role="status" data-testid="loading">
      <span className="spinner spinner-dark" aria-hidden="true" /> {t[loadingKey]}
    </p>
  );
}

/** A button that starts an action of its own (not the form's submit), off while it runs. */
export function ActionButton({
  label,
  onClick,
  busy,
  testId,
  className = 'button button-secondary',
  spinner = false,
}: {
  label: string;
  onClick: () => unknown;
  busy: boolean;
  testId?: string;
  className?: string;
  /** Shows a spinner while busy. */
  spinner?: boolean;
}) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => void onClick()}
      disabled={busy}
      data-testid={testId}
    >
      {spinner && busy && <span className="spinner spinner-dark" aria-hidden="true" />}
      {label}
    </button>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
  testId,
  className = 'button button-primary',
  disabled,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string;
  testId?: string;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={className}
      disabled={pending || disabled}
      aria-disabled={pending || disabled ? true : undefined}
      data-testid={testId}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      <span>{pending && pendingLabel ? pendingLabel : label}</span>
    </button>
  );
}
