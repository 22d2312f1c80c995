import { useState } from 'react';
import { compileUsernamePattern, usernameRuleSchema, type UsernameRule } from '@guichet/types';
import { ErrorMessage } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/fields';
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

interface Values {
  kind: UsernameRule['kind'];
  lastNameLetters: number;
  firstNameLetters: number;
  pattern: string;
  example: string;
}

/** What a field of the other kind shows until it is chosen. */
const BLANK = { lastNameLetters: 3, firstNameLetters: 1, pattern: '', example: '' };

function toValues(rule: UsernameRule): Values {
  const own =
    rule.kind === 'name-derived'
      ? { lastNameLetters: rule.lastNameLetters, firstNameLetters: rule.firstNameLetters }
      : { pattern: rule.pattern, example: rule.example };
  return { ...BLANK, kind: rule.kind, ...own };
}

function toRule(v: Values): unknown {
  return v.kind === 'name-derived'
    ? {
        kind: v.kind,
        lastNameLetters: v.lastNameLetters,
        firstNameLetters: v.firstNameLetters,
        collision: 'numeric-suffix',
      }
    : { kind: v.kind, pattern: v.pattern, example: v.example.trim() };
}

/** Why the pattern is refused, from the same engine the server matches with. */
function patternMessage(pattern: string, t: Messages): string {
  const compiled = compileUsernamePattern(pattern);
  return compiled.ok || compiled.problem === 'invalid'
    ? t.patternInvalid
    : t.patternNotLinear[compiled.problem];
}

function validate(values: Values, t: Messages): Validation {
  const parsed = usernameRuleSchema.safeParse(toRule(values));
  if (!parsed.success)
    return {
      errors: zodFieldErrors(
        parsed.error,
        t,
        { pattern: () => patternMessage(values.pattern, t) },
        ['usernameRule'],
      ),
    };
  return { patch: { usernameRule: parsed.data } };
}

interface TestName {
  lastName: string;
  firstName: string;
  username?: string;
}

/** « Tremblay, Jean » per line, optionally « , username » to check one against the rule. */
export function parseNames(text: string): TestName[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 50)
    .map((line) => {
      const [lastName = '', firstName = '', username = ''] = line
        .split(/[,;\t]/)
        .map((p) => p.trim());
      return username ? { lastName, firstName, username } : { lastName, firstName };
    })
    .filter((n) => n.lastName);
}

const SAMPLE = 'Tremblay, Jean\nTremblay, Julie\nCôté, Marie-Ève\nO’Neil-Lavoie, François\nNg, Li';
/** How many letters of each name a derived username takes, with the API's bounds. */
const LETTER_COUNTS: NumberSpec<'lastNameLetters' | 'firstNameLetters'>[] = [
  {
    key: 'lastNameLetters',
    id: 'last-name-letters',
    label: 'lastNameLettersLabel',
    min: 1,
    max: 12,
  },
  {
    key: 'firstNameLetters',
    id: 'first-name-letters',
    label: 'firstNameLettersLabel',
    min: 0,
    max: 12,
  },
];

const PATTERN_SAMPLE = 'Gagnon, Marc, gama1234\nRoy, Anne, anne-roy';

/** The rule that makes usernames from names, tried on names as it is edited. */
export function UsernameRulePage() {
  const { t } = useI18n();
  const form = useSettingsForm(
    (tn) => toValues(tn.settings.usernameRule),
    (v) => validate(v, t),
  );
  const { values } = form;
  const { field, set } = bindFields(values, form.errors, form.setValues, 'usernameRule');

  return (
    <div className="editor-with-preview">
      <SettingsFormCard
        form={form}
        name="username-rule"
        title={t.usernameRuleTitle}
        intro={t.usernameRuleIntro}
        className="card editor-pane"
      >
        <fieldset className="fieldset">
          <legend>{t.ruleKindLegend}</legend>
          {(['name-derived', 'pattern'] as const).map((kind) => (
            <div className="check" key={kind}>
              <input
                type="radio"
                id={`rule-kind-${kind}`}
                name="rule-kind"
                checked={values.kind === kind}
                onChange={() => set('kind')(kind)}
                aria-describedby={`rule-kind-${kind}-hint`}
              />
              <div>
                <label htmlFor={`rule-kind-${kind}`}>{t.ruleKind[kind]}</label>
                <p id={`rule-kind-${kind}-hint`} className="field-hint">
                  {t.ruleKindHint[kind]}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        {values.kind === 'name-derived' ? (
          <div className="form-grid">
            <NumberFields specs={LETTER_COUNTS} field={field} />
          </div>
        ) : (
          <>
            <TextField
              id="rule-pattern"
              label={t.patternLabel}
              hint={t.patternHint}
              {...field('pattern')}
              spellCheck={false}
              autoCapitalize="none"
              className="mono"
              maxLength={200}
            />
            <TextField
              id="rule-example"
              label={t.exampleLabel}
              {...field('example')}
              spellCheck={false}
              autoCapitalize="none"
              maxLength={64}
            />
          </>
        )}
        <p className="field-hint">{t.collisionHint}</p>
      </SettingsFormCard>
      <UsernameRuleTester key={values.kind} kind={values.kind} rule={toRule(values)} />
    </div>
  );
}

function UsernameRuleTester({ kind, rule }: { kind: UsernameRule['kind']; rule: unknown }) {
  const { t, locale } = useI18n();
  const { api, tenant } = useTenantScope();
  const parsedRule = usernameRuleSchema.safeParse(rule);
  const pattern = kind === 'pattern';
  const [namesText, setNamesText] = useState(pattern ? PATTERN_SAMPLE : SAMPLE);
  const request = JSON.stringify({
    rule: parsedRule.success ? parsedRule.data : null,
    names: parseNames(namesText),
  });
  const debounced = useDebouncedValue(request, 300);
  const { state } = useAsync(
    async (signal) => {
      const body = JSON.parse(debounced) as { rule: UsernameRule | null; names: TestName[] };
      if (!body.rule || body.names.length === 0) return null;
      return api.testUsernameRule(tenant.id, { rule: body.rule, names: body.names }, signal);
    },
    [api, tenant.id, debounced, locale],
  );

  return (
    <TryCard name="username-rule-test" title={t.tryRuleTitle}>
      <TextAreaField
        id="test-names"
        label={t.testNamesLabel}
        hint={pattern ? t.testNamesPatternHint : t.testNamesHint}
        value={namesText}
        onChange={setNamesText}
        rows={5}
        spellCheck={false}
      />
      <div aria-live="polite" aria-busy={state.status === 'loading'}>
        {!parsedRule.success && <p className="muted">{t.fixRuleFirst}</p>}
        {state.status === 'error' && (
          <p className="notice notice-error">
            <ErrorMessage error={state.error} />
          </p>
        )}
        {state.data && (
          <table className="data-table compact" data-testid="username-results">
            <caption className="visually-hidden">{t.tryRuleTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.lastNameLabel}</th>
                <th scope="col">{t.firstNameLabel}</th>
                <th scope="col">{t.usernameLabel}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.usernames.map((row, i) => (
                <tr key={i}>
                  <td>{row.lastName}</td>
                  <td>{row.firstName}</td>
                  <td>
                    {row.username ? (
                      <>
                        <code data-testid="derived-username">{row.username}</code>
                        {row.suffixed && <span className="muted"> {t.suffixedNote}</span>}
                      </>
                    ) : (
                      <span className="field-error">{row.error?.message ?? t.noUsername}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </TryCard>
  );
}
