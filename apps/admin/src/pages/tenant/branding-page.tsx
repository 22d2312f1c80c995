import { Fragment, useState } from 'react';
import {
  brandingSchema,
  LOCALES,
  TENANT_TEXT_KEYS,
  tenantTextsSchema,
  type Branding,
  type Locale,
  type TenantSettings,
  type TenantTextKey,
} from '@guichet/types';
import { z } from 'zod';
import { BrandImageUpload, useStoredImage } from '../../components/brand-image-upload';
import { ColorField, TextAreaField, TextField, UrlField } from '../../components/fields';
import { bindFields, sectionOf } from '../../form-fields';
import { LivePortal } from '../../components/live-portal';
import { LoginPreview } from '../../components/login-preview';
import { useSettingsForm, type Validation } from '../../hooks/use-settings-form';
import { SettingsFormCard } from '../../components/settings-form-card';
import { useI18n, type Messages } from '../../i18n';
import { useTenantScope } from '../../tenant-context';
import { zodFieldErrors } from '../../validation';

/** Form values: every text as a string ('' = not set, the portal's default applies). */
interface Values {
  branding: { primaryColor: string; accentColor: string; logoUrl: string; faviconUrl: string };
  texts: Record<Locale, Record<TenantTextKey, string>>;
}

/** The images of the portal: each uploaded, or given by its address. */
const IMAGES = [
  { kind: 'logo', key: 'logoUrl', label: 'logoUrlLabel' },
  { kind: 'favicon', key: 'faviconUrl', label: 'faviconUrlLabel' },
] as const;

const textsSchema = z
  .object({ fr: tenantTextsSchema, en: tenantTextsSchema, pt: tenantTextsSchema })
  .strict();

function toValues(branding: Branding, texts: TenantSettings['texts']): Values {
  const localeTexts = (l: Locale) =>
    Object.fromEntries(TENANT_TEXT_KEYS.map((k) => [k, texts[l]?.[k] ?? ''])) as Record<
      TenantTextKey,
      string
    >;
  return {
    branding: {
      ...branding,
      logoUrl: branding.logoUrl ?? '',
      faviconUrl: branding.faviconUrl ?? '',
    },
    texts: { fr: localeTexts('fr'), en: localeTexts('en'), pt: localeTexts('pt') },
  };
}

/** The values as settings sections: blank texts left out, blank URLs null. */
function toSettings(values: Values): { branding: Branding; texts: TenantSettings['texts'] } {
  const clean = (record: Record<TenantTextKey, string>) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
  return {
    branding: {
      primaryColor: values.branding.primaryColor,
      accentColor: values.branding.accentColor,
      logoUrl: values.branding.logoUrl.trim() || null,
      faviconUrl: values.branding.faviconUrl.trim() || null,
    },
    texts: { fr: clean(values.texts.fr), en: clean(values.texts.en), pt: clean(values.texts.pt) },
  };
}

function validate(values: Values, t: Messages): Validation {
  const settings = toSettings(values);
  const overrides = {
    primaryColor: t.colorInvalid,
    accentColor: t.colorInvalid,
    logoUrl: t.urlOrPathInvalid,
    faviconUrl: t.urlOrPathInvalid,
  };
  const branding = brandingSchema.safeParse(settings.branding);
  const texts = textsSchema.safeParse(settings.texts);
  const errors = {
    ...(branding.success ? {} : zodFieldErrors(branding.error, t, overrides, ['branding'])),
    ...(texts.success ? {} : zodFieldErrors(texts.error, t, {}, ['texts'])),
  };
  if (!branding.success || !texts.success) return { errors };
  return { patch: { branding: branding.data, texts: texts.data } };
}

const LONG_TEXTS: ReadonlySet<TenantTextKey> = new Set([
  'usernameHint',
  'passwordHint',
  'welcomeSubtitle',
]);

/**
 * Colours, logo, favicon and portal texts per language, beside a preview of the login page
 * drawn from the form as it is typed, and the real portal page as saved (reloaded by each save).
 */
export function BrandingPage() {
  const { t } = useI18n();
  const { tenant } = useTenantScope();
  const form = useSettingsForm(
    (tn) => toValues(tn.settings.branding, tn.settings.texts),
    (v) => validate(v, t),
  );
  const [locale, setLocale] = useState<Locale>(tenant.settings.defaultLocale);
  const { values, setValues, errors } = form;
  const preview = toSettings(values);
  const storedLogo = useStoredImage('logo', tenant.brandingAssets?.logo ?? null);
  const storedFavicon = useStoredImage('favicon', tenant.brandingAssets?.favicon ?? null);

  const branding = bindFields(
    values.branding,
    errors,
    sectionOf(setValues, 'branding'),
    'branding',
  );
  const stored = { logo: storedLogo, favicon: storedFavicon };
  const setText = (key: TenantTextKey, value: string) =>
    setValues((v) => ({
      ...v,
      texts: { ...v.texts, [locale]: { ...v.texts[locale], [key]: value } },
    }));

  return (
    <div className="editor-with-preview">
      <SettingsFormCard
        form={form}
        name="branding"
        title={t.brandingTitle}
        intro={t.brandingIntro}
        className="card editor-pane"
        stickyActions
      >
        <fieldset className="fieldset">
          <legend>{t.coloursLegend}</legend>
          <div className="form-grid">
            <ColorField
              id="primary-color"
              label={t.primaryColorLabel}
              hint={t.primaryColorHint}
              pickerLabel={t.colorPicker(t.primaryColorLabel)}
              {...branding.field('primaryColor')}
            />
            <ColorField
              id="accent-color"
              label={t.accentColorLabel}
              pickerLabel={t.colorPicker(t.accentColorLabel)}
              {...branding.field('accentColor')}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t.imagesLegend}</legend>
          {IMAGES.map(({ kind, key, label }) => (
            <Fragment key={kind}>
              <BrandImageUpload kind={kind} storedSrc={stored[kind]} />
              <UrlField
                id={`${kind}-url`}
                label={t[label]}
                hint={t.urlOrPathHint}
                {...branding.field(key)}
              />
            </Fragment>
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t.textsLegend}</legend>
          <p className="field-hint">{t.textsHint}</p>
          <div className="tabs" role="group" aria-label={t.textsLanguage}>
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                className="tab"
                aria-pressed={l === locale}
                onClick={() => setLocale(l)}
                data-testid={`texts-locale-${l}`}
              >
                {t.localeName[l]}
                {TENANT_TEXT_KEYS.some((k) => errors[`texts.${l}.${k}`]) && (
                  <span className="tab-error"> {t.tabHasErrors}</span>
                )}
              </button>
            ))}
          </div>
          {TENANT_TEXT_KEYS.map((key) => {
            const Field = LONG_TEXTS.has(key) ? TextAreaField : TextField;
            return (
              <Field
                key={`${locale}-${key}`}
                id={`text-${key}`}
                path={`texts.${locale}.${key}`}
                label={t.textLabel[key]}
                error={errors[`texts.${locale}.${key}`]}
                value={values.texts[locale][key]}
                onChange={(v: string) => setText(key, v)}
                maxLength={500}
                lang={locale}
                rows={2}
              />
            );
          })}
        </fieldset>
      </SettingsFormCard>
      <div className="preview-pane">
        <LoginPreview
          tenantName={tenant.name}
          publicUrl={tenant.publicUrl}
          branding={preview.branding}
          uploadedLogo={storedLogo}
          texts={preview.texts}
          defaultLocale={tenant.settings.defaultLocale}
          locales={tenant.settings.locales}
          features={tenant.settings.features}
          locale={locale}
          onLocale={setLocale}
        />
        <LivePortal tenant={tenant} locale={locale} />
      </div>
    </div>
  );
}
