import { AuditLog } from '../../components/audit-log';
import { useTenantScope } from '../../tenant-context';

/** The tenant's audit log. */
export function AuditPage() {
  const { api, tenant } = useTenantScope();
  return <AuditLog api={api} scope={{ tenantId: tenant.id, exportName: tenant.slug }} />;
}
