import { useId, useState, type FormEvent } from 'react';
import {
  createTenantRequestSchema,
  hostNameSchema,
  LOCALES,
  type Locale,
  type TenantDetail,
} from '@guichet/types';
import { z } from 'zod';
import type { ApiClient } from '../api';
import { serverFieldErrors } from '../errors';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { checkedOrShown, type FieldErrors } from '../validation';
import { SubmitButton, SubmitStatus } from './feedback';
import { SelectField, TextField } from './fields';

/** The API's own schema, plus an optional extra host name (the API always adds `{slug}.{BASE_DOMAIN}`). */
const createSchema = z.object({
  ...createTenantRequestSchema.shape,
  hostName: z.union([z.literal(''), hostNameSchema]),
});

interface Props {
  api: ApiClient;
  /** The base domain of portal hosts, to suggest `{slug}.{domain}`. */
  baseDomain: string;
  onCreated: (tenant: TenantDetail) => void;
}

/** Platform admins: a new tenant with its slug, name, language and (optionally) a host name. */
export function CreateTenantForm({ api, baseDomain, onCreated }: Props) {
  const { t, locale: uiLocale } = useI18n();
  const id = useId();
  const [values, setValues] = useState({
    slug: '',
    name: '',
    hostName: '',
    defaultLocale: 'fr' as Locale,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const data = checkedOrShown(createSchema.safeParse(values), setErrors, t, {
      slug: t.slugInvalid,
      hostName: t.hostInvalid,
    });
    if (!data) {
      submit.clear();
      return;
    }
    const { hostName, ...body } = data;
    const result = await submit.run(async () => {
      const created = await api.createTenant(body);
      return hostName && !created.hostNames.includes(hostName)
        ? api.addHost(created.id, hostName)
        : created;
    }, 'tenantCreated');
    if (result.ok) {
      setValues({ slug: '', name: '', hostName: '', defaultLocale: 'fr' });
      onCreated(result.value);
    } else {
      setErrors(serverFieldErrors(result.error));
    }
  };

  const suggestion = values.slug ? `${values.slug}.${baseDomain}` : `slug.${baseDomain}`;
  return (
    <form
      className="card form-card"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={`${id}-title`}
      data-testid="create-tenant-form"
    >
      <h2 id={`${id}-title`}>{t.createTenantTitle}</h2>
      <p className="muted">{t.createTenantIntro(baseDomain)}</p>
      <div className="form-grid">
        <TextField
          id="new-tenant-slug"
          path="slug"
          label={t.slugLabel}
          hint={t.slugHint}
          error={errors.slug}
          value={values.slug}
          onChange={(v) => set('slug', v.toLowerCase())}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={50}
          required
        />
        <TextField
          id="new-tenant-name"
          path="name"
          label={t.tenantNameLabel}
          error={errors.name}
          value={values.name}
          onChange={(v) => set('name', v)}
          maxLength={200}
          required
        />
        <TextField
          id="new-tenant-host"
          path="hostName"
          label={t.hostNameLabel}
          hint={t.hostNameHint(suggestion)}
          error={errors.hostName}
          value={values.hostName}
          onChange={(v) => set('hostName', v)}
          autoCapitalize="none"
          spellCheck={false}
          inputMode="url"
        />
        <SelectField
          id="new-tenant-locale"
          path="defaultLocale"
          label={t.defaultLocaleLabel}
          value={values.defaultLocale}
          onChange={(v) => set('defaultLocale', v as Locale)}
          options={LOCALES.map((l) => ({ value: l, label: t.localeName[l] }))}
          lang={uiLocale}
        />
      </div>
      <div className="form-actions">
        <SubmitButton
          pending={submit.pending}
          label={t.createTenant}
          pendingLabel={t.creating}
          testId="create-tenant-submit"
        />
      </div>
      <SubmitStatus result={submit.result} testId="create-tenant-status" />
    </form>
  );
}
