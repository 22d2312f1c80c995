import { ADMIN_ROLES, type AdminRole, type TenantSummary } from '@guichet/types';
import { useI18n } from '../i18n';
import { CheckboxField } from './fields';

function RoleChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: AdminRole;
  onChange: (role: AdminRole) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{t.roleColumn}</legend>
      <div className="inline-checks">
        {ADMIN_ROLES.map((r) => (
          <div className="check" key={r}>
            <input
              type="radio"
              id={`${name}-${r}`}
              name={name}
              checked={value === r}
              onChange={() => onChange(r)}
            />
            <label htmlFor={`${name}-${r}`}>{t.roleLabel(r)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** What an admin may reach: its role and, for a tenant admin, the tenants it manages. */
export interface AdminAccess {
  role: AdminRole;
  tenantIds: string[];
}

/** An admin's role and, for a tenant admin, the tenants it manages. */
export function AdminAccessFields({
  idPrefix,
  tenants,
  access,
  onChange,
  error,
}: {
  idPrefix: string;
  tenants: TenantSummary[];
  access: AdminAccess;
  onChange: (access: AdminAccess) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const { role, tenantIds } = access;
  const toggle = (id: string, on: boolean) =>
    onChange({ role, tenantIds: on ? [...tenantIds, id] : tenantIds.filter((x) => x !== id) });
  return (
    <>
      <RoleChoice
        name={`${idPrefix}-role`}
        value={role}
        onChange={(r) => onChange({ role: r, tenantIds })}
      />
      {role === 'tenant-admin' && (
        <fieldset
          className="fieldset"
          data-field="tenantIds"
          tabIndex={-1}
          aria-describedby={error ? `${idPrefix}-tenants-error` : undefined}
        >
          <legend>{t.adminTenantsLegend}</legend>
          {tenants.map((tn) => (
            <CheckboxField
              key={tn.id}
              id={`${idPrefix}-tenant-${tn.slug}`}
              label={tn.name}
              checked={tenantIds.includes(tn.id)}
              onChange={(on) => toggle(tn.id, on)}
            />
          ))}
          {error && (
            <p id={`${idPrefix}-tenants-error`} className="field-error">
              {error}
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
