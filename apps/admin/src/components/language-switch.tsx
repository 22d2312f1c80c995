import { UI_LOCALES, useI18n } from '../i18n';

/** FR / EN toggle; the pressed button is the current language. */
export function LanguageSwitch() {
  const { locale, t, setLocale } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.languageSwitchLabel}>
      {UI_LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          aria-label={t.languageName[l]}
          title={t.languageName[l]}
          data-testid={`locale-${l}`}
          onClick={() => setLocale(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
