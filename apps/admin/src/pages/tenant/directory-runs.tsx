import { useCallback, useEffect, useState } from 'react';
import type { DirectoryRunView, DirectoryTestResponse } from '@guichet/types';
import { ApiRequestError } from '../../api';
import { useI18n } from '../../i18n';
import { DIRECTORY_MESSAGES } from '../../messages/directory';
import { useTenantScope } from '../../tenant-context';

/** Test connection, preview, sync now, and the runs with their reports. */
export function DirectoryActions() {
  const { api, tenant } = useTenantScope();
  const { locale } = useI18n();
  const m = DIRECTORY_MESSAGES[locale];
  const [busy, setBusy] = useState(false);
  const [force, setForce] = useState(false);
  const [test, setTest] = useState<DirectoryTestResponse | null>(null);
  const [shown, setShown] = useState<DirectoryRunView | null>(null);
  const [runs, setRuns] = useState<DirectoryRunView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    (signal?: AbortSignal) => api.directoryRuns(tenant.id, signal).then(setRuns, () => undefined),
    [api, tenant.id],
  );
  useEffect(() => {
    const abort = new AbortController();
    void reload(abort.signal);
    return () => abort.abort();
  }, [reload]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof ApiRequestError) setError(e.body.message);
      else throw e;
    } finally {
      setBusy(false);
    }
  };
  const sync = (dryRun: boolean) =>
    act(async () => {
      setShown(await api.syncDirectory(tenant.id, { dryRun, force }));
      await reload();
    });
  const show = (id: string) => act(async () => setShown(await api.directoryRun(tenant.id, id)));

  return (
    <div className="stack">
      <section className="card" aria-labelledby="directory-actions-title">
        <h2 id="directory-actions-title">
          {m.test} · {m.preview} · {m.syncNow}
        </h2>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="directory-test"
            onClick={() => act(async () => setTest(await api.testDirectory(tenant.id, null)))}
          >
            {m.test}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="directory-preview"
            onClick={() => sync(true)}
          >
            {m.preview}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            data-testid="directory-sync"
            onClick={() => sync(false)}
          >
            {m.syncNow}
          </button>
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />{' '}
            {m.force}
          </label>
        </div>
        <div role="status" aria-live="polite">
          {busy && <p>{m.running}</p>}
          {error && (
            <p className="field-error" data-testid="directory-error">
              {error}
            </p>
          )}
          {test && (
            <div data-testid="directory-test-result" data-ok={String(test.ok)}>
              <p>{test.message}</p>
              <ul>
                {test.sample.map((s) => (
                  <li key={s.dn}>
                    <code>{s.dn}</code> {s.username} {s.email}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {shown && <RunReport run={shown} />}
      </section>
      <section className="card" aria-labelledby="directory-runs-title">
        <h2 id="directory-runs-title">{m.runs}</h2>
        {runs.length === 0 ? (
          <p className="muted">{m.noRuns}</p>
        ) : (
          <table className="data-table" data-testid="directory-runs">
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-status={r.status} data-dry-run={String(r.dryRun)}>
                  <td>{new Date(r.startedAt).toLocaleString(locale)}</td>
                  <td>
                    {m.trigger[r.trigger]}
                    {r.dryRun ? ` (${m.preview_})` : ''}
                  </td>
                  <td>{m.status[r.status]}</td>
                  <td>{r.error ?? m.summary(r.counts)}</td>
                  <td>
                    <button type="button" className="button" onClick={() => show(r.id)}>
                      {m.show}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function RunReport({ run }: { run: DirectoryRunView }) {
  const { locale } = useI18n();
  const m = DIRECTORY_MESSAGES[locale];
  return (
    <div data-testid="directory-report" data-status={run.status} data-dry-run={String(run.dryRun)}>
      <p data-testid="directory-summary">
        <strong>{m.status[run.status]}</strong>
        {run.dryRun ? ` (${m.preview_})` : ''} — {m.summary(run.counts)}
      </p>
      {run.error && <p className="field-error">{run.error}</p>}
      <ul>
        {(run.changes ?? []).map((c, i) => (
          <li key={i} data-kind={c.kind}>
            {m.kind[c.kind]} <strong>{c.username ?? '?'}</strong> {c.dn && <code>{c.dn}</code>}
            {c.fields ? ` — ${c.fields.join(', ')}` : ''}
            {c.reason ? ` — ${c.reason}` : ''}
          </li>
        ))}
      </ul>
      {run.changesTruncated && <p className="muted">{m.truncated}</p>}
    </div>
  );
}
