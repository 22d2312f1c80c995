import type { TestContext } from '../support/test-app.js';

/**
 * Sets values in a tenant's stored settings, straight in the database (`'features.lookup'`
 * names a nested key), then tells the API processes that the tenant changed.
 */
export async function setTenantSettings(
  ctx: TestContext,
  tenantId: string,
  values: Record<string, unknown>,
): Promise<void> {
  const params: string[] = [tenantId];
  let settings = 'settings';
  for (const [path, value] of Object.entries(values)) {
    params.push(`{${path.split('.').join(',')}}`, JSON.stringify(value));
    settings = `jsonb_set(${settings}, $${params.length - 1}::text[], $${params.length}::jsonb)`;
  }
  await ctx.dataSource.query(
    `UPDATE tenant_settings SET settings = ${settings} WHERE tenant_id = $1`,
    params,
  );
  await ctx.publishTenantChange(tenantId);
}
