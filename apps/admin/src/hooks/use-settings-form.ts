import { useState, type FormEvent } from 'react';
import type { TenantDetail, TenantSettingsPatch } from '@guichet/types';
import { InvalidFormError, serverFieldErrors } from '../errors';
import { useTenantScope } from '../tenant-context';
import { focusFirstError, type FieldErrors } from '../validation';
import { useSubmit, type Submit } from './use-submit';

export type Validation = { patch: TenantSettingsPatch } | { errors: FieldErrors };

export interface SettingsForm<V> {
  values: V;
  setValues: (update: (values: V) => V) => void;
  errors: FieldErrors;
  submit: Submit;
  onSubmit: (event: FormEvent) => void;
  /** True once the values differ from the saved ones. */
  dirty: boolean;
}

/**
 * A form over sections of the tenant settings: checked with the same zod schemas as the
 * API, sent as a PATCH of whole sections; what the API returns becomes the tenant.
 */
export function useSettingsForm<V>(
  fromTenant: (tenant: TenantDetail) => V,
  validate: (values: V) => Validation,
): SettingsForm<V> {
  const { api, tenant, setTenant } = useTenantScope();
  const [saved, setSaved] = useState<V>(() => fromTenant(tenant));
  const [values, setValuesState] = useState<V>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = useSubmit();

  const setValues = (update: (values: V) => V) => {
    const next = update(values);
    setValuesState(next);
    if (submit.result?.kind === 'ok') submit.clear();
    // Once fields are flagged, check again as the user types, so a message goes when fixed
    // (and no new one appears before the next save).
    if (Object.keys(errors).length) {
      const checked = validate(next);
      const still =
        'errors' in checked
          ? Object.fromEntries(Object.entries(checked.errors).filter(([k]) => k in errors))
          : {};
      setErrors(still);
      if (Object.keys(still).length === 0 && submit.result?.kind === 'error') submit.clear();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      submit.fail(new InvalidFormError());
      focusFirstError(checked.errors);
      return;
    }
    setErrors({});
    void submit
      .run(() => api.updateSettings(tenant.id, checked.patch))
      .then((result) => {
        if (result.ok) {
          setTenant(result.value);
          const next = fromTenant(result.value);
          setSaved(next);
          setValuesState(next);
        } else {
          const fromServer = serverFieldErrors(result.error);
          setErrors(fromServer);
          focusFirstError(fromServer);
        }
      });
  };

  return {
    values,
    setValues,
    errors,
    submit,
    onSubmit,
    dirty: JSON.stringify(values) !== JSON.stringify(saved),
  };
}
