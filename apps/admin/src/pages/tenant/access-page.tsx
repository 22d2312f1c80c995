import {
  cidrSchema,
  featuresSchema,
  LOCALES,
  lockoutSchema,
  tokenLifetimesSchema,
  urlOrPathSchema,
  type Features,
  type Locale,
  type TenantSettings,
} from '@guichet/types';
import { CheckboxField, SelectField, TextAreaField, UrlField } from '../../components/fields';
import { NumberFields, type NumberSpec } from '../../components/number-fields';
import { bindFields, sectionOf, type UpdateValues } from '../../form-fields';
import { useSettingsForm, type Validation } from '../../hooks/use-settings-form';
import { SettingsFormCard } from '../../components/settings-form-card';
import { useI18n, type Messages, type TextKey } from '../../i18n';
import { zodFieldErrors, type FieldErrors } from '../../validation';

interface Values {
  features: Features;
  networks: string;
  tokenLifetimes: TenantSettings['tokenLifetimes'];
  lockout: TenantSettings['lockout'];
  postLoginUrl: string;
  locales: Locale[];
  defaultLocale: Locale;
}

const FEATURES = ['enrolment', 'forgotPassword', 'lookup', 'teamsTab'] as const;

type NumberSection = 'tokenLifetimes' | 'lockout';

/** The number fields of the token lifetimes and the lockout, with the API's bounds. */
const NUMBER_SECTIONS: (
  | {
      section: 'tokenLifetimes';
      legend: TextKey;
      fields: NumberSpec<keyof Values['tokenLifetimes']>[];
    }
  | { section: 'lockout'; legend: TextKey; fields: NumberSpec<keyof Values['lockout']>[] }
)[] = [
  {
    section: 'tokenLifetimes',
    legend: 'tokenLifetimesLegend',
    fields: [
      {
        key: 'resetMinutes',
        id: 'reset-minutes',
        label: 'resetMinutesLabel',
        unit: 'minutesUnit',
        min: 5,
        max: 10080,
      },
      {
        key: 'enrolmentMinutes',
        id: 'enrolment-minutes',
        label: 'enrolmentMinutesLabel',
        unit: 'minutesUnit',
        min: 5,
        max: 10080,
      },
      {
        key: 'accessMinutes',
        id: 'access-minutes',
        label: 'accessMinutesLabel',
        unit: 'minutesUnit',
        min: 1,
        max: 60,
      },
      {
        key: 'refreshDays',
        id: 'refresh-days',
        label: 'refreshDaysLabel',
        unit: 'daysUnit',
        min: 1,
        max: 365,
      },
    ],
  },
  {
    section: 'lockout',
    legend: 'lockoutLegend',
    fields: [
      { key: 'maxFailures', id: 'max-failures', label: 'maxFailuresLabel', min: 3, max: 100 },
      {
        key: 'lockMinutes',
        id: 'lock-minutes',
        label: 'lockMinutesLabel',
        unit: 'minutesUnit',
        min: 1,
        max: 1440,
      },
    ],
  },
];

function toValues(s: TenantSettings): Values {
  return {
    features: s.features,
    networks: s.allowedNetworks.join('\n'),
    tokenLifetimes: s.tokenLifetimes,
    lockout: s.lockout,
    postLoginUrl: s.postLoginUrl ?? '',
    locales: s.locales,
    defaultLocale: s.defaultLocale,
  };
}

/** One network per line; blank lines ignored. Each bad line gets its own message, naming it. */
export function parseNetworks(text: string, t: Messages): { networks: string[]; error?: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const networks: string[] = [];
  const bad: number[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    if (cidrSchema.safeParse(line).success) networks.push(line);
    else bad.push(i + 1);
  });
  if (bad.length) return { networks, error: t.cidrInvalidLines(bad) };
  if (networks.length > 200) return { networks, error: t.atMostItems(200) };
  return { networks };
}

function validate(v: Values, t: Messages): Validation {
  const errors: FieldErrors = {};
  const features = featuresSchema.safeParse(v.features);
  const lifetimes = tokenLifetimesSchema.safeParse(v.tokenLifetimes);
  const lockout = lockoutSchema.safeParse(v.lockout);
  const url =
    v.postLoginUrl.trim() === ''
      ? { success: true as const, data: null }
      : urlOrPathSchema.safeParse(v.postLoginUrl.trim());
  const networks = parseNetworks(v.networks, t);
  if (!features.success) Object.assign(errors, zodFieldErrors(features.error, t, {}, ['features']));
  if (!lifetimes.success)
    Object.assign(errors, zodFieldErrors(lifetimes.error, t, {}, ['tokenLifetimes']));
  if (!lockout.success) Object.assign(errors, zodFieldErrors(lockout.error, t, {}, ['lockout']));
  if (!url.success) errors.postLoginUrl = t.urlOrPathInvalid;
  if (networks.error) errors.allowedNetworks = networks.error;
  if (v.locales.length === 0) errors.locales = t.atLeastOneLocale;
  else if (!v.locales.includes(v.defaultLocale)) errors.defaultLocale = t.defaultLocaleNotEnabled;
  if (
    Object.keys(errors).length ||
    !features.success ||
    !lifetimes.success ||
    !lockout.success ||
    !url.success
  )
    return { errors };
  return {
    patch: {
      features: features.data,
      allowedNetworks: networks.networks,
      tokenLifetimes: lifetimes.data,
      lockout: lockout.data,
      postLoginUrl: url.data,
      locales: LOCALES.filter((l) => v.locales.includes(l)),
      defaultLocale: v.defaultLocale,
    },
  };
}

/** Features of the portal, who may use the lookup tool, languages, token lifetimes, lockout and where sign-in leads. */
export function AccessPage() {
  const { t } = useI18n();
  const form = useSettingsForm(
    (tn) => toValues(tn.settings),
    (v) => validate(v, t),
  );
  const { values, setValues, errors } = form;
  const { field, set } = bindFields(values, errors, setValues);
  // Either section of numbers, as a form of its own (its values are all numbers).
  const numbersOf = (section: NumberSection) =>
    bindFields(
      values[section] as Record<string, number>,
      errors,
      sectionOf(setValues, section) as unknown as UpdateValues<Record<string, number>>,
      section,
    );
  const features = bindFields(
    values.features,
    errors,
    sectionOf(setValues, 'features'),
    'features',
  );
  const toggleLocale = (l: Locale, on: boolean) =>
    setValues((v) => ({
      ...v,
      locales: on ? [...v.locales, l] : v.locales.filter((x) => x !== l),
    }));

  return (
    <SettingsFormCard form={form} name="access" title={t.accessTitle}>
      <fieldset className="fieldset">
        <legend>{t.featuresLegend}</legend>
        {FEATURES.map((key) => (
          <CheckboxField
            key={key}
            id={`feature-${key}`}
            label={t.featureLabel[key]}
            hint={t.featureHint[key]}
            {...features.check(key)}
          />
        ))}
      </fieldset>

      <TextAreaField
        id="allowed-networks"
        label={t.allowedNetworksLabel}
        hint={t.allowedNetworksHint}
        {...field('networks', 'allowedNetworks')}
        rows={5}
        spellCheck={false}
        className="mono"
      />

      <fieldset
        className="fieldset"
        data-field="locales"
        tabIndex={-1}
        aria-describedby={errors.locales ? 'locales-error' : undefined}
      >
        <legend>{t.localesLegend}</legend>
        <div className="inline-checks">
          {LOCALES.map((l) => (
            <CheckboxField
              key={l}
              id={`locale-enabled-${l}`}
              label={t.localeName[l]}
              checked={values.locales.includes(l)}
              onChange={(on) => toggleLocale(l, on)}
            />
          ))}
        </div>
        {errors.locales && (
          <p id="locales-error" className="field-error">
            {errors.locales}
          </p>
        )}
        <SelectField
          id="default-locale"
          path="defaultLocale"
          label={t.defaultLocaleLabel}
          error={errors.defaultLocale}
          value={values.defaultLocale}
          onChange={(l) => set('defaultLocale')(l as Locale)}
          options={LOCALES.map((l) => ({ value: l, label: t.localeName[l] }))}
        />
      </fieldset>

      {NUMBER_SECTIONS.map(({ section, legend, fields }) => (
        <fieldset className="fieldset" key={section}>
          <legend>{t[legend]}</legend>
          <div className="form-grid">
            <NumberFields specs={fields} field={numbersOf(section).field} />
          </div>
        </fieldset>
      ))}

      <UrlField
        id="post-login-url"
        label={t.postLoginUrlLabel}
        hint={t.postLoginUrlHint}
        {...field('postLoginUrl')}
      />
    </SettingsFormCard>
  );
}
