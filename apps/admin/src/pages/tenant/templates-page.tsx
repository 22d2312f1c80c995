import { EMAIL_KINDS, LOCALES, type TemplateListItem } from '@guichet/types';
import { DataTable } from '../../components/data-table';
import { Loadable } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { useAsync } from '../../hooks/use-async';
import { useI18n } from '../../i18n';
import { hrefOf } from '../../router';
import { useTenantScope } from '../../tenant-context';

/** Every message × language: default or customised, each opening the editor. */
export function TemplatesPage() {
  const { t } = useI18n();
  const { api, tenant } = useTenantScope();
  const { state, reload } = useAsync(
    (signal) => api.templates(tenant.id, signal),
    [api, tenant.id],
  );

  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">{t.templatesTitle}</h2>
      <p className="muted">{t.templatesIntro}</p>
      <Loadable state={state} onRetry={reload}>
        {(items) => {
          const locales = LOCALES.filter((l) => items.some((i) => i.locale === l));
          const find = (kind: string, locale: string): TemplateListItem | undefined =>
            items.find((i) => i.kind === kind && i.locale === locale);
          return (
            <DataTable
              labelledBy="templates-title"
              testId="templates-table"
              className="matrix"
              columns={[t.templateMessage, ...locales.map((l) => t.localeName[l])]}
            >
              {EMAIL_KINDS.filter((k) => items.some((i) => i.kind === k)).map((kind) => (
                <tr key={kind} data-kind={kind}>
                  <th scope="row" className="cell-name">
                    {t.emailKind[kind]}
                  </th>
                  {locales.map((locale) => {
                    const item = find(kind, locale);
                    return (
                      <td key={locale} data-label={t.localeName[locale]}>
                        {item && (
                          <>
                            <a
                              href={hrefOf({ name: 'template', tenantId: tenant.id, kind, locale })}
                              data-testid={`edit-template-${kind}-${locale}`}
                            >
                              {t.editTemplate(t.emailKind[kind], t.localeName[locale])}
                            </a>{' '}
                            <span
                              className={`badge ${item.overridden ? 'badge-custom' : 'badge-disabled'}`}
                            >
                              {item.overridden ? t.templateCustom : t.templateDefault}
                            </span>
                            {item.updatedAt && (
                              <span className="cell-sub">
                                {formatDateTime(item.updatedAt, t.intlLocale)}
                              </span>
                            )}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </DataTable>
          );
        }}
      </Loadable>
    </section>
  );
}
