import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="not-found-title">
      <PageHeading id="not-found-title">{t.notFoundTitle}</PageHeading>
      <p>{t.notFoundBody}</p>
      <p>
        <a href="#/tenants">{t.backToTenants}</a>
      </p>
    </section>
  );
}
