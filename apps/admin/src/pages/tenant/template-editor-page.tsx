import { useEffect, useState, type FormEvent } from 'react';
import {
  isLocale,
  templateSourceSchema,
  type TemplateErrorBody,
  type TemplateSource,
  type TemplateView,
} from '@guichet/types';
import { ApiRequestError } from '../../api';
import { ActionButton, ErrorMessage, Loadable, SubmitStatus } from '../../components/feedback';
import { FormActions } from '../../components/card';
import { TextAreaField, TextField } from '../../components/fields';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n, type Messages } from '../../i18n';
import { hrefOf } from '../../router';
import { useTenantScope } from '../../tenant-context';

/** The part and line a template error names, when the API gave them. */
function templateProblem(error: unknown, t: Messages): string | null {
  if (!(error instanceof ApiRequestError) || error.body.error !== 'invalid_template') return null;
  const body = error.body as TemplateErrorBody;
  return t.templateErrorAt(t.templatePart[body.part] ?? body.part, body.line);
}

/** Subject, HTML and text of one message in one language, beside what it renders to with sample data. */
export function TemplateEditorPage({ kind, locale }: { kind: string; locale: string }) {
  const { api, tenant } = useTenantScope();
  const { state, reload, setData } = useAsync(
    (signal) => api.template(tenant.id, kind, locale, signal),
    [api, tenant.id, kind, locale],
  );
  return (
    <Loadable state={state} onRetry={reload}>
      {(view) => (
        <TemplateEditor key={`${view.kind}-${view.locale}`} view={view} onSaved={setData} />
      )}
    </Loadable>
  );
}

function TemplateEditor({
  view,
  onSaved,
}: {
  view: TemplateView;
  onSaved: (view: TemplateView) => void;
}) {
  const { t } = useI18n();
  const { api, tenant, reload: reloadTenant } = useTenantScope();
  const [source, setSource] = useState<TemplateSource>({
    subject: view.subject,
    html: view.html,
    text: view.text,
  });
  const submit = useSubmit();
  const debounced = useDebouncedValue(JSON.stringify(source), 400);
  const preview = useAsync(
    (signal) =>
      api.previewTemplate(
        tenant.id,
        view.kind,
        view.locale,
        JSON.parse(debounced) as TemplateSource,
        signal,
      ),
    [api, tenant.id, view.kind, view.locale, debounced],
  );
  const dirty =
    source.subject !== view.subject || source.html !== view.html || source.text !== view.text;
  const set = (key: keyof TemplateSource) => (value: string) => {
    setSource((s) => ({ ...s, [key]: value }));
    if (submit.result?.kind === 'ok') submit.clear();
  };

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // What the API stored becomes the source being edited (and the tenant's template list).
  const applySaved = (saved: TemplateView) => {
    setSource({ subject: saved.subject, html: saved.html, text: saved.text });
    onSaved(saved);
    reloadTenant();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = templateSourceSchema.safeParse(source);
    if (!parsed.success) return;
    const result = await submit.run(
      () => api.putTemplate(tenant.id, view.kind, view.locale, parsed.data),
      'templateSaved',
    );
    if (result.ok) applySaved(result.value);
  };

  const resetToDefault = async () => {
    if (!window.confirm(t.confirmResetTemplate)) return;
    const result = await submit.run(
      () => api.resetTemplate(tenant.id, view.kind, view.locale),
      'templateReset',
    );
    if (result.ok) applySaved(result.value);
  };

  const saveProblem =
    submit.result?.kind === 'error' ? templateProblem(submit.result.error, t) : null;
  const previewProblem =
    preview.state.status === 'error' ? templateProblem(preview.state.error, t) : null;
  const kindName = t.emailKind[view.kind];
  const localeName = isLocale(view.locale) ? t.localeName[view.locale] : view.locale;

  return (
    <div
      className="template-editor"
      data-testid="template-editor"
      data-kind={view.kind}
      data-locale={view.locale}
    >
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'tenant', tenantId: tenant.id, section: 'templates' })}>
          {t.backToTemplates}
        </a>
      </p>
      <h2>
        {t.templateEditorTitle(kindName, localeName)}{' '}
        <span
          className={`badge ${view.overridden ? 'badge-custom' : 'badge-disabled'}`}
          data-testid="template-state"
        >
          {view.overridden ? t.templateCustom : t.templateDefault}
        </span>
      </h2>
      <div className="editor-with-preview">
        <form
          className="card editor-pane"
          noValidate
          onSubmit={save}
          aria-label={t.templateSourceLabel}
          data-testid="template-form"
        >
          <TextField
            id="template-subject"
            label={t.templateSubject}
            value={source.subject}
            onChange={set('subject')}
            maxLength={1000}
            spellCheck
            lang={view.locale}
          />
          {(
            [
              // The text part is read as prose (its language set); the HTML is markup.
              { key: 'html', label: t.templateHtml, rows: 16, maxLength: 100000, prose: false },
              { key: 'text', label: t.templateText, rows: 10, maxLength: 50000, prose: true },
            ] as const
          ).map((f) => (
            <TextAreaField
              key={f.key}
              id={`template-${f.key}`}
              label={f.label}
              value={source[f.key]}
              onChange={set(f.key)}
              rows={f.rows}
              spellCheck={false}
              className="mono"
              maxLength={f.maxLength}
              lang={f.prose ? view.locale : undefined}
            />
          ))}
          {view.variables.length > 0 && (
            <details className="help">
              <summary>{t.templateVariables}</summary>
              <p className="field-hint">{t.templateVariablesHint}</p>
              <ul className="chip-list">
                {view.variables.map((v) => (
                  <li key={v}>
                    <code>{`{{${v}}}`}</code>
                  </li>
                ))}
                {view.partials.map((p) => (
                  <li key={p}>
                    <code>{`{{> ${p}}}`}</code>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <FormActions submit={submit} testId="template-save" disabled={!dirty}>
            {view.overridden && (
              <ActionButton
                label={t.resetTemplate}
                onClick={resetToDefault}
                busy={submit.pending}
                testId="template-reset"
              />
            )}
            {dirty && <span className="muted">{t.unsavedChanges}</span>}
          </FormActions>
          {saveProblem && (
            <p className="field-error" data-testid="template-error-line">
              {saveProblem}
            </p>
          )}
          <SubmitStatus result={submit.result} testId="template-status" />
        </form>
        <section
          className="card preview-pane"
          aria-labelledby="template-preview-title"
          aria-busy={preview.state.status === 'loading'}
          data-testid="template-preview"
        >
          <h3 id="template-preview-title">{t.templatePreview}</h3>
          <div aria-live="polite">
            {preview.state.status === 'error' && (
              <div className="notice notice-error" data-testid="template-preview-error">
                {previewProblem && <p>{previewProblem}</p>}
                <p>
                  <ErrorMessage error={preview.state.error} />
                </p>
              </div>
            )}
          </div>
          {preview.state.data && (
            <>
              <p className="mail-subject">
                <span className="muted">{t.templateSubject} : </span>
                <strong data-testid="preview-subject">{preview.state.data.subject}</strong>
              </p>
              <iframe
                className="mail-frame"
                title={t.templatePreviewHtml}
                sandbox=""
                srcDoc={preview.state.data.html}
                data-testid="preview-html"
              />
              <details>
                <summary>{t.templatePreviewText}</summary>
                <pre className="mail-text" data-testid="preview-text">
                  {preview.state.data.text}
                </pre>
              </details>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
