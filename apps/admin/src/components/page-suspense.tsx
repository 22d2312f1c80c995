import { Component, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n';

function PageLoading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status" data-testid="page-loading">
      <span className="spinner spinner-dark" aria-hidden="true" /> {t.loading}
    </p>
  );
}

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <div className="card card-error" data-testid="page-load-failed">
      <p role="alert">{t.pageLoadFailed}</p>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => window.location.reload()}
      >
        {t.reloadPage}
      </button>
    </div>
  );
}

/**
 * Catches a screen whose chunk did not arrive (network gone, or the app was updated since
 * this tab loaded it and the old chunk is gone): a message and a reload, not a blank app.
 */
class ChunkErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failed: boolean; resetKey: string }
> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  // Another route gets a new try.
  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { failed: boolean; resetKey: string },
  ) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

/** Where a lazily loaded screen renders: a loading line while its chunk comes. */
export function PageSuspense({ children, resetKey }: { children: ReactNode; resetKey: string }) {
  return (
    <ChunkErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}
