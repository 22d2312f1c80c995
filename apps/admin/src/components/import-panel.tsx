import { useId, useRef, useState, type FormEvent } from 'react';
import type { ImportLineStatus, ImportReport } from '@guichet/types';
import type { ApiClient } from '../api';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { useLeaversTexts } from '../messages/leavers';
import { SubmitButton, SubmitStatus } from './feedback';
import { CheckboxField } from './fields';

const SHOWN = 200;
const MAX_BYTES = 50 * 1024 * 1024;

interface Props {
  api: ApiClient;
  tenantId: string;
  onImported: (report: ImportReport) => void;
}

/** Upload of the institution's CSV export; the report says, line by line, what became of each. */
export function ImportPanel({ api, tenantId, onImported }: Props) {
  const { t } = useI18n();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const submit = useSubmit();
  const l = useLeaversTexts();
  const [fullExport, setFullExport] = useState(false);
  const [allowMass, setAllowMass] = useState(false);
  /** A full export's dry run, waiting for the admin's confirmation (the same file). */
  const [preview, setPreview] = useState<{ file: File; report: ImportReport } | null>(null);

  const confirm = async () => {
    if (!preview) return;
    const { file } = preview;
    setPreview(null);
    const result = await submit.run(
      () => api.importUsers(tenantId, file, { disableMissing: true, allowMassDisable: allowMass }),
      'importDone',
    );
    if (result.ok) {
      setReport(result.value);
      onImported(result.value);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError(t.chooseFile);
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t.fileTooLarge);
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    setPreview(null);
    if (fullExport) {
      const dry = await submit.run(() =>
        api.importUsers(tenantId, file, {
          disableMissing: true,
          allowMassDisable: allowMass,
          dryRun: true,
        }),
      );
      if (dry.ok) {
        submit.clear();
        setReport(null);
        setPreview({ file, report: dry.value });
      }
      return;
    }
    const result = await submit.run(() => api.importUsers(tenantId, file), 'importDone');
    if (result.ok) {
      setReport(result.value);
      onImported(result.value);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="import-panel">
      <h2 id={`${id}-title`}>{t.importTitle}</h2>
      <p className="muted">{t.importIntro}</p>
      <pre className="csv-sample" aria-label={t.importSampleLabel}>
        lastName,firstName,email,username,externalId{'\n'}
        Tremblay,Jean,jean.tremblay@example.ca,,E1001
      </pre>
      <form noValidate onSubmit={onSubmit} className="inline-form" data-testid="import-form">
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor="import-file">{t.importFileLabel}</label>
          <input
            ref={fileRef}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-file-error' : undefined}
            onChange={() => setFileError(undefined)}
          />
          {fileError && (
            <p id="import-file-error" className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <CheckboxField
          id="import-disable-missing"
          label={l.fullExport}
          hint={l.fullExportHint}
          checked={fullExport}
          onChange={setFullExport}
        />
        {fullExport && (
          <CheckboxField
            id="import-allow-mass"
            label={l.allowMass}
            checked={allowMass}
            onChange={setAllowMass}
          />
        )}
        <SubmitButton
          pending={submit.pending}
          label={t.importSubmit}
          pendingLabel={t.importing}
          testId="import-submit"
        />
      </form>
      <SubmitStatus result={submit.result} testId="import-status" />
      {preview && (
        <div
          className="card notice-warning"
          role="region"
          aria-labelledby={`${id}-preview`}
          data-testid="import-preview"
        >
          <h3 id={`${id}-preview`}>{l.previewTitle}</h3>
          <p data-testid="import-preview-summary">
            {l.previewSummary(preview.report.disabled?.length ?? 0)}
          </p>
          {!!preview.report.disabled?.length && (
            <ul className="mono" data-testid="import-preview-disabled">
              {preview.report.disabled.slice(0, SHOWN).map((a) => (
                <li key={a.id}>{a.username}</li>
              ))}
            </ul>
          )}
          <ImportReportView report={preview.report} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              {l.confirm(preview.report.disabled?.length ?? 0)}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setPreview(null)}>
              {l.cancel}
            </button>
          </div>
        </div>
      )}
      {report && <ImportReportView report={report} />}
    </section>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const l = useLeaversTexts();
  const [filter, setFilter] = useState<'all' | 'rejected'>(
    report.summary.rejected > 0 ? 'rejected' : 'all',
  );
  const [limit, setLimit] = useState(SHOWN);
  const lines =
    filter === 'all' ? report.lines : report.lines.filter((l) => l.status === 'rejected');
  const statuses: ImportLineStatus[] = ['created', 'updated', 'unchanged', 'rejected'];

  return (
    <div className="import-report" data-testid="import-report">
      <h3>{t.importReportTitle}</h3>
      <dl className="stat-list">
        {statuses.map((s) => (
          <div key={s} className={`stat stat-${s}`} data-testid={`import-${s}`}>
            <dt>{t.importStatus[s]}</dt>
            <dd>{report.summary[s].toLocaleString(t.intlLocale)}</dd>
          </div>
        ))}
        {report.summary.disabled !== undefined && (
          <div className="stat stat-disabled" data-testid="import-disabled">
            <dt>{l.disabledCount}</dt>
            <dd>{report.summary.disabled.toLocaleString(t.intlLocale)}</dd>
          </div>
        )}
      </dl>
      <p className="muted">{t.importMeta(report.encoding, report.delimiter, report.durationMs)}</p>
      {report.truncated && <p className="notice notice-info">{t.importTruncated}</p>}
      <div className="tabs" role="group" aria-label={t.importFilterLabel}>
        <button
          type="button"
          className="tab"
          aria-pressed={filter === 'all'}
          onClick={() => setFilter('all')}
        >
          {t.importAllLines}
        </button>
        <button
          type="button"
          className="tab"
          aria-pressed={filter === 'rejected'}
          onClick={() => setFilter('rejected')}
          data-testid="import-show-rejected"
        >
          {t.importRejectedLines}
        </button>
      </div>
      {lines.length === 0 ? (
        <p className="muted">{t.importNoLines}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t.importReportTitle} tabIndex={0}>
          <table className="data-table compact" data-testid="import-lines">
            <thead>
              <tr>
                <th scope="col">{t.importLine}</th>
                <th scope="col">{t.columnStatus}</th>
                <th scope="col">{t.usernameLabel}</th>
                <th scope="col">{t.importReason}</th>
              </tr>
            </thead>
            <tbody>
              {lines.slice(0, limit).map((l) => (
                <tr key={l.line} data-status={l.status}>
                  <td data-label={t.importLine}>{l.line}</td>
                  <td data-label={t.columnStatus}>
                    <span className={`badge badge-import-${l.status}`}>
                      {t.importStatus[l.status]}
                    </span>
                  </td>
                  <td data-label={t.usernameLabel}>{l.username && <code>{l.username}</code>}</td>
                  <td data-label={t.importReason} lang={l.reason ? 'en' : undefined}>
                    {l.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lines.length > limit && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setLimit((n) => n + SHOWN * 5)}
        >
          {t.showMoreLines(lines.length - limit)}
        </button>
      )}
    </div>
  );
}
