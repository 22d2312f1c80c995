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
import { bindFields } from '../form-fields';
import { CreateActions, FormCard } from './card';
import { SelectField, TextField, UrlField } from './fields';

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

  const { field, set } = bindFields(values, errors, setValues);

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
    <FormCard
      name="create-tenant"
      titleId={`${id}-title`}
      title={t.createTenantTitle}
      className="card form-card"
      onSubmit={onSubmit}
    >
      <p className="muted">{t.createTenantIntro(baseDomain)}</p>
      <div className="form-grid">
        <TextField
          id="new-tenant-slug"
          label={t.slugLabel}
          hint={t.slugHint}
          {...field('slug')}
          onChange={(v) => set('slug')(v.toLowerCase())}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={50}
          required
        />
        <TenantNameField id="new-tenant-name" {...field('name')} />
        <UrlField
          id="new-tenant-host"
          label={t.hostNameLabel}
          hint={t.hostNameHint(suggestion)}
          {...field('hostName')}
          autoCapitalize="none"
        />
        <SelectField
          id="new-tenant-locale"
          path="defaultLocale"
          label={t.defaultLocaleLabel}
          value={values.defaultLocale}
          onChange={(v) => set('defaultLocale')(v as Locale)}
          options={LOCALES.map((l) => ({ value: l, label: t.localeName[l] }))}
          lang={uiLocale}
        />
      </div>
      <CreateActions name="create-tenant" submit={submit} label={t.createTenant} />
    </FormCard>
  );
}

/** A tenant's name, as long as the API allows. */
export function TenantNameField(props: {
  id: string;
  path: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return <TextField label={t.tenantNameLabel} maxLength={200} required {...props} />;
}
