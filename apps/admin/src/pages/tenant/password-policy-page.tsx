import { useState } from 'react';
import { passwordPolicySchema, type PasswordPolicy } from '@guichet/types';
import { ErrorMessage } from '../../components/feedback';
import { CheckboxField, NumberField, TextField } from '../../components/fields';
import { useAsync } from '../../hooks/use-async';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useSettingsForm, type Validation } from '../../hooks/use-settings-form';
import { SettingsFormCard } from '../../components/settings-form-card';
import { useI18n, type Messages } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { zodFieldErrors } from '../../validation';

const BOOLEAN_RULES = [
  'requireLetter',
  'requireDigit',
  'requireLower',
  'requireUpper',
  'requireSymbol',
  'disallowUsername',
  'denyCommon',
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
  const { values, setValues, errors } = form;
  const set = <K extends keyof PasswordPolicy>(key: K, value: PasswordPolicy[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  return (
    <div className="editor-with-preview">
      <SettingsFormCard
        form={form}
        name="password-policy"
        titleId="policy-title"
        title={t.passwordPolicyTitle}
        intro={t.passwordPolicyIntro}
        className="card editor-pane"
      >
        <div className="form-grid">
          <NumberField
            id="min-length"
            path="passwordPolicy.minLength"
            label={t.minLengthLabel}
            error={errors['passwordPolicy.minLength']}
            value={values.minLength}
            onChange={(v) => set('minLength', v)}
            min={1}
            max={128}
            unit={t.charactersUnit}
          />
          <NumberField
            id="max-length"
            path="passwordPolicy.maxLength"
            label={t.maxLengthLabel}
            error={errors['passwordPolicy.maxLength']}
            value={values.maxLength}
            onChange={(v) => set('maxLength', v)}
            min={8}
            max={1024}
            unit={t.charactersUnit}
          />
          <NumberField
            id="history-count"
            path="passwordPolicy.historyCount"
            label={t.historyCountLabel}
            hint={t.historyCountHint}
            error={errors['passwordPolicy.historyCount']}
            value={values.historyCount}
            onChange={(v) => set('historyCount', v)}
            min={0}
            max={24}
          />
        </div>
        <fieldset className="fieldset">
          <legend>{t.compositionLegend}</legend>
          {BOOLEAN_RULES.map((key) => (
            <CheckboxField
              key={key}
              id={`policy-${key}`}
              path={`passwordPolicy.${key}`}
              label={t.policyRule[key]}
              checked={values[key]}
              onChange={(v) => set(key, v)}
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
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
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
    <section
      className="card preview-pane"
      aria-labelledby="policy-test-title"
      data-testid="password-policy-test"
    >
      <h2 id="policy-test-title">{t.policyWarningsTitle}</h2>
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
        <TextField
          id="test-password"
          label={t.testPasswordLabel}
          value={password}
          onChange={setPassword}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          data-lpignore="true"
          maxLength={1024}
        />
        <TextField
          id="test-username"
          label={t.testUsernameLabel}
          hint={t.testUsernameHint}
          value={username}
          onChange={setUsername}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={200}
        />
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
    </section>
  );
}
