import { ADMIN_ROLES, type AdminRole, type TenantSummary } from '@guichet/types';
import { useI18n } from '../i18n';
import { CheckboxField } from './fields';

function TenantChecks({
  idPrefix,
  tenants,
  selected,
  onChange,
  error,
}: {
  idPrefix: string;
  tenants: TenantSummary[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
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
          checked={selected.includes(tn.id)}
          onChange={(on) =>
            onChange(on ? [...selected, tn.id] : selected.filter((x) => x !== tn.id))
          }
        />
      ))}
      {error && (
        <p id={`${idPrefix}-tenants-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

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

/** An admin's role and, for a tenant admin, the tenants it manages. */
export function AdminAccessFields({
  idPrefix,
  role,
  onRoleChange,
  tenants,
  tenantIds,
  onTenantIdsChange,
  error,
}: {
  idPrefix: string;
  role: AdminRole;
  onRoleChange: (role: AdminRole) => void;
  tenants: TenantSummary[];
  tenantIds: string[];
  onTenantIdsChange: (ids: string[]) => void;
  error?: string;
}) {
  return (
    <>
      <RoleChoice name={`${idPrefix}-role`} value={role} onChange={onRoleChange} />
      {role === 'tenant-admin' && (
        <TenantChecks
          idPrefix={idPrefix}
          tenants={tenants}
          selected={tenantIds}
          onChange={onTenantIdsChange}
          error={error}
        />
      )}
    </>
  );
}
