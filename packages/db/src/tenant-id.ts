declare const tenantIdBrand: unique symbol;

/**
 * The id of a resolved tenant. Every repository method on a tenant-owned table takes one
 * first, and a plain `string` does not pass: a query that forgot its tenant does not compile.
 * Made only where the tenant is known to be resolved — the tenant resolution and cache, the
 * admin tenant-access guard, platform jobs that read the tenant from its own row, and tests.
 */
export type TenantId = string & { readonly [tenantIdBrand]: 'TenantId' };

/** Brands a tenant id. Call it only where the tenant has been resolved or access to it checked. */
export function tenantId(value: string): TenantId {
  return value as TenantId;
}
