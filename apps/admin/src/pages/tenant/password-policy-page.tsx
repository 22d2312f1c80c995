import { useState } from 'react';
import { passwordPolicySchema, type PasswordPolicy } from '@guichet/types';
import { ErrorMessage } from '../../components/feedback';
import { CheckboxField, NO_ASSIST, TextField } from '../../components/fields';
import { NumberFields, type NumberSpec } from '../../components/number-fields';
import { bindFields } from '../../form-fields';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useSettingsForm, type Validation } from '../../hooks/use-settings-form';
import { SettingsFormCard } from '../../components/settings-form-card';
import { useI18n, type Messages } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { zodFieldErrors } from '../../validation';
import { TryCard } from '../../components/card';

const BOOLEAN_RULES = [
  'requireLetter',
  'requireDigit',
  'requireLower',
  'requireUpper',
  'requireSymbol',
  'disallowUsername',
  'denyCommon',
] as const;

/** The policy's numbers, with the API's bounds. */
const LENGTH_RULES: NumberSpec<'minLength' | 'maxLength' | 'historyCount'>[] = [
  {
    key: 'minLength',
    id: 'min-length',
    label: 'minLengthLabel',
    min: 1,
    max: 128,
    unit: 'charactersUnit',
  },
  {
    key: 'maxLength',
    id: 'max-length',
    label: 'maxLengthLabel',
    min: 8,
    max: 1024,
    unit: 'charactersUnit',
  },
  {
    key: 'historyCount',
    id: 'history-count',
    label: 'historyCountLabel',
    hint: 'historyCountHint',
    min: 0,
    max: 24,
  },
];

/** What the policy is tried on: a password (password managers kept out) and, optionally, a username. */
const PROBE_FIELDS = [
  { key: 'password', label: 'testPasswordLabel', hint: undefined, maxLength: 1024 },
  { key: 'username', label: 'testUsernameLabel', hint: 'testUsernameHint', maxLength: 200 },
] as const;

function validate(values: PasswordPolicy, t: Messages): Validation {
  const parsed = passwordPolicySchema.safeParse(values);
  if (!parsed.success)
    return {
      errors: zodFieldErrors(parsed.error, t, { maxLength: t.maxBelowMin }, ['passwordPolicy']),
    };
  return { patch: { passwordPolicy: parsed.data } };
}

/** The tenant's password policy, with the warnings of current guidance and a password to try. */
export function PasswordPolicyPage() {
  const { t } = useI18n();
  const form = useSettingsForm(
    (tn) => tn.settings.passwordPolicy,
    (v) => validate(v, t),
  );
  const { values } = form;
  const { field, check } = bindFields(values, form.errors, form.setValues, 'passwordPolicy');

  return (
    <div className="editor-with-preview">
      <SettingsFormCard
        form={form}
        name="password-policy"
        title={t.passwordPolicyTitle}
        intro={t.passwordPolicyIntro}
        className="card editor-pane"
      >
        <div className="form-grid">
          <NumberFields specs={LENGTH_RULES} field={field} />
        </div>
        <fieldset className="fieldset">
          <legend>{t.compositionLegend}</legend>
          {BOOLEAN_RULES.map((key) => (
            <CheckboxField
              key={key}
              id={`policy-${key}`}
              label={t.policyRule[key]}
              {...check(key)}
            />
          ))}
        </fieldset>
      </SettingsFormCard>
      <PolicyTester policy={values} />
    </div>
  );
}

function PolicyTester({ policy }: { policy: PasswordPolicy }) {
  const { t, locale } = useI18n();
  const { api, tenant } = useTenantScope();
  const [probe, setProbe] = useState({ password: '', username: '' });
  const { password, username } = probe;
  const valid = passwordPolicySchema.safeParse(policy);
  const request = JSON.stringify(
    valid.success ? { policy: valid.data, password, username: username.trim() || undefined } : null,
  );
  const debounced = useDebouncedValue(request, 250);
  const { state } = useAsync(
    (signal) => {
      const body = JSON.parse(debounced) as Parameters<typeof api.testPasswordPolicy>[1] | null;
      return body ? api.testPasswordPolicy(tenant.id, body, signal) : Promise.resolve(null);
    },
    // The locale: the API words its answer in the UI language.
    [api, tenant.id, debounced, locale],
  );
  const result = state.data;

  return (
    <TryCard name="password-policy-test" title={t.policyWarningsTitle}>
      <div aria-live="polite" data-testid="policy-warnings">
        {!valid.success && <p className="muted">{t.fixPolicyFirst}</p>}
        {result && result.warnings.length === 0 && (
          <p className="notice notice-success">{t.noPolicyWarnings}</p>
        )}
        {result && result.warnings.length > 0 && (
          <ul className="issue-list">
            {result.warnings.map((w) => (
              <li key={w.code} className={`issue issue-${w.severity}`} data-code={w.code}>
                <span className="issue-label">{t.severity[w.severity]}</span> {w.message}
              </li>
            ))}
          </ul>
        )}
      </div>

      <h3>{t.tryPasswordTitle}</h3>
      <div className="form-grid">
        {PROBE_FIELDS.map(({ key, label, hint, maxLength }) => (
          <TextField
            key={key}
            id={`test-${key}`}
            label={t[label]}
            hint={hint && t[hint]}
            value={probe[key]}
            onChange={(value) => setProbe((p) => ({ ...p, [key]: value }))}
            {...NO_ASSIST}
            autoCapitalize="none"
            data-lpignore={key === 'password' ? 'true' : undefined}
            maxLength={maxLength}
          />
        ))}
      </div>
      <div aria-live="polite" data-testid="policy-verdict">
        {state.status === 'error' && (
          <p className="notice notice-error">
            <ErrorMessage error={state.error} />
          </p>
        )}
        {result &&
          password !== '' &&
          (result.ok ? (
            <p className="notice notice-success" data-testid="password-accepted">
              {t.passwordAccepted}
            </p>
          ) : (
            <div className="notice notice-error" data-testid="password-refused">
              <p>{t.passwordRefused}</p>
              <ul>
                {result.violations.map((v) => (
                  <li key={v.code} data-code={v.code}>
                    {v.message}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        {result && result.rules.length > 0 && (
          <>
            <h3>{t.rulesAsShownTitle}</h3>
            <ul className="rules-list">
              {result.rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </TryCard>
  );
}
