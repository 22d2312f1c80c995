import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import {
  AD_ATTRIBUTES,
  AD_FILTER,
  DIRECTORY_FIELDS,
  type DirectoryField,
  type DirectorySettingsView,
} from '@guichet/types';
import { ApiRequestError } from '../../api';
import { useI18n } from '../../i18n';
import { DIRECTORY_MESSAGES } from '../../messages/directory';
import { useTenantScope } from '../../tenant-context';
import { EMPTY, fromView, toRequest, type Values } from './directory-form-values';
import { DirectoryActions } from './directory-runs';

function Field(props: {
  id: string;
  label: string;
  error?: string[];
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && <p className="muted">{props.hint}</p>}
      {props.error?.map((e) => (
        <p key={e} className="field-error" data-testid={`error-${props.id}`}>
          {e}
        </p>
      ))}
    </div>
  );
}

/** A tenant's directory: settings, then test / preview / sync now and the runs with their reports. */
export function DirectoryPage() {
  const { api, tenant } = useTenantScope();
  const { locale } = useI18n();
  const m = DIRECTORY_MESSAGES[locale];
  const [view, setView] = useState<DirectorySettingsView | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    api.directory(tenant.id, abort.signal).then(
      (v) => {
        setView(v);
        setValues(fromView(v));
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [api, tenant.id]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const setAttr = (f: DirectoryField) => (value: string) =>
    setValues((v) => ({ ...v, attributes: { ...v.attributes, [f]: value } }));
  const text = (
    id: string,
    key: 'url' | 'bindDn' | 'baseDn' | 'filter' | 'everyMinutes' | 'maxDisablePercent',
    label: string,
    path: string = key,
  ) => (
    <Field id={id} label={label} error={errors[path]}>
      <input
        id={id}
        value={values[key]}
        onChange={(e) => set(key)(e.target.value)}
        spellCheck={false}
      />
    </Field>
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setStatus(null);
    try {
      const saved = await api.putDirectory(tenant.id, toRequest(values));
      setView(saved);
      setValues(fromView(saved));
      setErrors({});
      setStatus(m.saved);
    } catch (error) {
      if (error instanceof ApiRequestError) {
        setErrors((error.body as { fields?: Record<string, string[]> }).fields ?? {});
        setStatus(error.body.message);
      } else throw error;
    } finally {
      setPending(false);
    }
  };

  if (!view) return <p className="muted">…</p>;
  return (
    <div className="stack">
      <form
        className="card"
        noValidate
        onSubmit={onSubmit}
        data-testid="directory-form"
        aria-labelledby="directory-title"
      >
        <h2 id="directory-title">{m.title}</h2>
        <p className="muted">{m.intro}</p>
        <div className="form-grid">
          {text('directory-url', 'url', m.url)}
          <div className="field">
            <label>
              <input
                type="checkbox"
                id="directory-starttls"
                checked={values.startTls}
                onChange={(e) => set('startTls')(e.target.checked)}
              />{' '}
              {m.startTls}
            </label>
          </div>
          {text('directory-bind-dn', 'bindDn', m.bindDn)}
          <Field
            id="directory-bind-password"
            label={m.bindPassword}
            error={errors.bindPassword}
            hint={view.settings?.passwordSet ? m.passwordKeep : undefined}
          >
            <input
              id="directory-bind-password"
              type="password"
              autoComplete="new-password"
              value={values.bindPassword}
              onChange={(e) => set('bindPassword')(e.target.value)}
            />
          </Field>
          {text('directory-base-dn', 'baseDn', m.baseDn)}
          {text('directory-filter', 'filter', m.filter)}
          <Field id="directory-ca" label={m.ca} error={errors.caCertificate}>
            <textarea
              id="directory-ca"
              rows={3}
              value={values.caCertificate}
              onChange={(e) => set('caCertificate')(e.target.value)}
              spellCheck={false}
            />
          </Field>
        </div>
        <fieldset>
          <legend>{m.attributes}</legend>
          <div className="form-grid">
            {DIRECTORY_FIELDS.map((f) => (
              <Field
                key={f}
                id={`directory-attr-${f}`}
                label={m.field[f]}
                error={errors[`attributes.${f}`]}
                hint={f === 'username' ? m.usernameDerived : undefined}
              >
                <input
                  id={`directory-attr-${f}`}
                  value={values.attributes[f]}
                  onChange={(e) => setAttr(f)(e.target.value)}
                  spellCheck={false}
                />
              </Field>
            ))}
          </div>
          <button
            type="button"
            className="button"
            onClick={() =>
              setValues((v) => ({
                ...v,
                filter: AD_FILTER,
                attributes: { ...AD_ATTRIBUTES },
                disabledKind: 'userAccountControl',
              }))
            }
          >
            {m.adDefaults}
          </button>
        </fieldset>
        <div className="form-grid">
          <Field id="directory-disabled-kind" label={m.disabled}>
            <select
              id="directory-disabled-kind"
              value={values.disabledKind}
              onChange={(e) => set('disabledKind')(e.target.value as Values['disabledKind'])}
            >
              {(['userAccountControl', 'filter', 'none'] as const).map((k) => (
                <option key={k} value={k}>
                  {m.disabledKind[k]}
                </option>
              ))}
            </select>
          </Field>
          {values.disabledKind === 'filter' && (
            <Field
              id="directory-disabled-filter"
              label={m.disabledFilter}
              error={errors['disabled.filter']}
            >
              <input
                id="directory-disabled-filter"
                value={values.disabledFilter}
                onChange={(e) => set('disabledFilter')(e.target.value)}
                spellCheck={false}
              />
            </Field>
          )}
          <Field id="directory-leavers" label={m.leavers}>
            <select
              id="directory-leavers"
              value={values.leavers}
              onChange={(e) => set('leavers')(e.target.value as Values['leavers'])}
            >
              <option value="disable">{m.leaversKind.disable}</option>
              <option value="keep">{m.leaversKind.keep}</option>
            </select>
          </Field>
          {text('directory-every', 'everyMinutes', m.every)}
          {text('directory-max-disable', 'maxDisablePercent', m.maxDisable)}
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={pending}
          data-testid="directory-save"
        >
          {pending ? m.running : m.save}
        </button>
        <p role="status" data-testid="directory-status">
          {status}
        </p>
      </form>
      {view.settings && <DirectoryActions />}
    </div>
  );
}
