import { useState, type FormEvent } from 'react';
import { hostNameSchema, updateTenantRequestSchema } from '@guichet/types';
import { FormActions, FormCard } from '../../components/card';
import { TenantNameField } from '../../components/create-tenant-form';
import { SubmitButton, SubmitStatus } from '../../components/feedback';
import { bindFields } from '../../form-fields';
import { SelectField, UrlField } from '../../components/fields';
import { formatDateTime, safeHttpUrl } from '../../format';
import { useSubmit } from '../../hooks/use-submit';
import { useI18n } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import {
  checkedOrShown,
  focusFirstError,
  zodFieldErrors,
  type FieldErrors,
} from '../../validation';

/** What the tenant is and where its portal answers; platform admins rename, disable and manage host names here. */
export function OverviewPage() {
  const { t } = useI18n();
  const { tenant, admin } = useTenantScope();
  const platform = admin.role === 'platform-admin';
  const portal = safeHttpUrl(tenant.publicUrl);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="overview-summary">
        <h2 id="overview-summary">{t.overviewSummary}</h2>
        <dl className="summary-list">
          <dt>{t.columnName}</dt>
          <dd>{tenant.name}</dd>
          <dt>{t.columnSlug}</dt>
          <dd>
            <code>{tenant.slug}</code>
          </dd>
          <dt>{t.columnStatus}</dt>
          <dd>
            <span className={`badge badge-${tenant.status}`} data-testid="tenant-status">
              {t.status(tenant.status)}
            </span>
          </dd>
          <dt>{t.columnPublicUrl}</dt>
          <dd>
            {portal ? (
              <a href={portal} target="_blank" rel="noopener noreferrer">
                {tenant.publicUrl}
                <span className="visually-hidden"> {t.opensInNewTab}</span>
              </a>
            ) : (
              tenant.publicUrl
            )}
          </dd>
          <dt>{t.columnHostNames}</dt>
          <dd>
            {tenant.hostNames.length ? (
              <ul className="plain-list" data-testid="host-list">
                {tenant.hostNames.map((h) => (
                  <li key={h}>
                    <code>{h}</code>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t.noHostNames}</span>
            )}
          </dd>
          <dt>{t.lastChange}</dt>
          <dd>{t.versionAt(tenant.version, formatDateTime(tenant.updatedAt, t.intlLocale))}</dd>
        </dl>
      </section>
      {platform && <TenantIdentityForm />}
      {platform && <HostNamesCard />}
    </div>
  );
}

function TenantIdentityForm() {
  const { t } = useI18n();
  const { api, tenant, setTenant } = useTenantScope();
  const [values, setValues] = useState({
    name: tenant.name,
    status: tenant.status,
    publicUrl: tenant.publicUrl,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();
  const { field, set } = bindFields(values, errors, setValues);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const data = checkedOrShown(
      updateTenantRequestSchema.safeParse({ ...values, publicUrl: values.publicUrl.trim() }),
      setErrors,
      t,
      { publicUrl: t.publicUrlInvalid },
    );
    if (!data) return;
    const result = await submit.run(() => api.updateTenant(tenant.id, data));
    if (result.ok) setTenant(result.value);
  };

  return (
    <FormCard name="tenant-identity" title={t.identityTitle} onSubmit={onSubmit}>
      <div className="form-grid">
        <TenantNameField id="tenant-name" {...field('name')} />
        <SelectField
          id="tenant-status"
          path="status"
          label={t.columnStatus}
          hint={t.statusHint}
          value={values.status}
          onChange={(status) => set('status')(status as typeof values.status)}
          options={[
            { value: 'active', label: t.status('active') },
            { value: 'disabled', label: t.status('disabled') },
          ]}
        />
      </div>
      <UrlField
        id="tenant-public-url"
        label={t.columnPublicUrl}
        hint={t.publicUrlHint}
        {...field('publicUrl')}
      />
      <FormActions submit={submit} testId="tenant-identity-save" />
      <SubmitStatus result={submit.result} />
    </FormCard>
  );
}

function HostNamesCard() {
  const { t } = useI18n();
  const { api, tenant, setTenant } = useTenantScope();
  const [hostName, setHostName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = useSubmit();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = hostNameSchema.safeParse(hostName);
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error, t, { '': t.hostInvalid })[''] ?? t.hostInvalid);
      focusFirstError({ hostName: 'x' });
      return;
    }
    setError(undefined);
    const result = await submit.run(() => api.addHost(tenant.id, parsed.data), 'hostAdded');
    if (result.ok) {
      setTenant(result.value);
      setHostName('');
    }
  };

  const remove = async (host: string) => {
    if (!window.confirm(t.confirmRemoveHost(host))) return;
    const result = await submit.run(() => api.removeHost(tenant.id, host), 'hostRemoved');
    if (result.ok) setTenant(result.value);
  };

  return (
    <section className="card" aria-labelledby="hosts-title" data-testid="hosts-card">
      <h2 id="hosts-title">{t.hostsTitle}</h2>
      <p className="muted">{t.hostsIntro}</p>
      {tenant.hostNames.length > 0 && (
        <ul className="host-list">
          {tenant.hostNames.map((host) => (
            <li key={host}>
              <code>{host}</code>
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => void remove(host)}
                disabled={submit.pending}
                data-testid={`remove-host-${host}`}
              >
                {t.remove}
                <span className="visually-hidden"> {host}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={add} className="inline-form" data-testid="add-host-form">
        <UrlField
          id="add-host"
          path="hostName"
          label={t.newHostLabel}
          error={error}
          value={hostName}
          onChange={setHostName}
          autoCapitalize="none"
        />
        <SubmitButton
          pending={submit.pending}
          label={t.addHost}
          className="button button-secondary"
        />
      </form>
      <SubmitStatus result={submit.result} />
    </section>
  );
}
