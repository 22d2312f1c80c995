import { useState, type FormEvent } from 'react';
import {
  oidcClientCreateSchema,
  oidcClientUpdateSchema,
  type OidcClientView,
} from '@guichet/types';
import { serverFieldErrors } from '../errors';
import { useSubmit } from '../hooks/use-submit';
import { useI18n, type TextKey } from '../i18n';
import { checkedOrShown, focusFirstError, type FieldErrors } from '../validation';
import { SubmitButton, SubmitStatus } from './feedback';
import { CheckboxField, TextAreaField, TextField } from './fields';

interface Values {
  name: string;
  redirectUris: string;
  postLogoutRedirectUris: string;
  backchannelLogoutUri: string;
  public: boolean;
  firstParty: boolean;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function toValues(client?: OidcClientView): Values {
  return {
    name: client?.name ?? '',
    redirectUris: client?.redirectUris.join('\n') ?? '',
    postLogoutRedirectUris: client?.postLogoutRedirectUris.join('\n') ?? '',
    backchannelLogoutUri: client?.backchannelLogoutUri ?? '',
    public: client?.public ?? false,
    firstParty: client?.firstParty ?? false,
  };
}

/** The first error of a field or of one of its items (`redirectUris.2`). */
function fieldError(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
}

interface Props {
  /** The client edited; none: a new one. */
  client?: OidcClientView;
  idPrefix: string;
  save: (body: Record<string, unknown>) => Promise<unknown>;
  okKey: TextKey;
  onSaved: (result: unknown) => void;
  onCancel?: () => void;
}

/** An application's registration: name, redirect and logout URIs, back-channel URI, kind. */
export function OidcClientForm({ client, idPrefix, save, okKey, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => toValues(client));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const common = {
      name: values.name,
      redirectUris: lines(values.redirectUris),
      postLogoutRedirectUris: lines(values.postLogoutRedirectUris),
      backchannelLogoutUri: values.backchannelLogoutUri.trim() || null,
      firstParty: values.firstParty,
    };
    const parsed = client
      ? oidcClientUpdateSchema.safeParse(common)
      : oidcClientCreateSchema.safeParse({ ...common, public: values.public });
    const data = checkedOrShown<Record<string, unknown>>(parsed, setErrors, t);
    if (!data) return;
    const result = await submit.run(() => save(data), okKey);
    if (result.ok) {
      if (!client) setValues(toValues());
      onSaved(result.value);
    } else {
      const fromServer = serverFieldErrors(result.error);
      setErrors(fromServer);
      focusFirstError(fromServer);
    }
  };

  return (
    <form
      className={client ? 'inline-editor' : 'card'}
      noValidate
      onSubmit={onSubmit}
      aria-label={client ? t.editClient(client.name) : undefined}
      aria-labelledby={client ? undefined : `${idPrefix}-title`}
      data-testid={`${idPrefix}-form`}
    >
      {!client && <h2 id={`${idPrefix}-title`}>{t.createClientTitle}</h2>}
      <TextField
        id={`${idPrefix}-name`}
        path="name"
        label={t.clientNameLabel}
        error={errors.name}
        value={values.name}
        onChange={set('name')}
        autoComplete="off"
      />
      <TextAreaField
        id={`${idPrefix}-redirect-uris`}
        path="redirectUris"
        label={t.redirectUrisLabel}
        hint={t.redirectUrisHint}
        error={fieldError(errors, 'redirectUris')}
        value={values.redirectUris}
        onChange={set('redirectUris')}
        rows={3}
        spellCheck={false}
        className="mono"
      />
      <TextAreaField
        id={`${idPrefix}-post-logout-uris`}
        path="postLogoutRedirectUris"
        label={t.postLogoutUrisLabel}
        hint={t.postLogoutUrisHint}
        error={fieldError(errors, 'postLogoutRedirectUris')}
        value={values.postLogoutRedirectUris}
        onChange={set('postLogoutRedirectUris')}
        rows={2}
        spellCheck={false}
        className="mono"
      />
      <TextField
        id={`${idPrefix}-backchannel-uri`}
        path="backchannelLogoutUri"
        label={t.backchannelUriLabel}
        hint={t.backchannelUriHint}
        error={errors.backchannelLogoutUri}
        value={values.backchannelLogoutUri}
        onChange={set('backchannelLogoutUri')}
        inputMode="url"
        spellCheck={false}
      />
      {!client && (
        <CheckboxField
          id={`${idPrefix}-public`}
          path="public"
          label={t.clientPublicLabel}
          hint={t.clientPublicHint}
          checked={values.public}
          onChange={set('public')}
        />
      )}
      <CheckboxField
        id={`${idPrefix}-first-party`}
        path="firstParty"
        label={t.clientFirstPartyLabel}
        checked={values.firstParty}
        onChange={set('firstParty')}
      />
      <div className="form-actions">
        <SubmitButton
          pending={submit.pending}
          label={client ? t.save : t.createClient}
          pendingLabel={client ? t.saving : t.creating}
          testId={`${idPrefix}-submit`}
        />
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
      </div>
      <SubmitStatus result={submit.result} testId={`${idPrefix}-status`} />
    </form>
  );
}
