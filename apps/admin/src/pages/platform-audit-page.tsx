import type { ApiClient } from '../api';
import { AuditLog } from '../components/audit-log';
import { PageHeading } from '../components/page-heading';
import { useI18n } from '../i18n';

/** Platform admins: the events of no tenant (tenants created, admin accounts, admin sign-ins, blocked addresses). */
export function PlatformAuditPage({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  return (
    <section
      className="page stack"
      aria-labelledby="platform-audit-title"
      data-testid="platform-audit-page"
    >
      <PageHeading id="platform-audit-title">{t.platformAuditTitle}</PageHeading>
      <p className="lead">{t.platformAuditIntro}</p>
      <AuditLog api={api} scope={{ tenantId: null, exportName: 'platform' }} />
    </section>
  );
}
