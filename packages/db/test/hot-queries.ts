/**
 * The SQL of the hot paths, as the API sends it (copied from apps/api: tenant-cache.service,
 * sign-in.usecase, import-accounts.usecase, reset-password.usecase, sessions,
 * oidc-payload-store). When a repository in packages/db takes one over, point its entry
 * here at the repository's SQL: query-plans.integration-spec.ts checks each one's plan.
 */
export interface HotQuery {
  name: string;
  sql: string;
  /** Tables that must be read through an index, never scanned whole. */
  indexed: string[];
}

export const HOT_QUERIES: HotQuery[] = [
  {
    name: 'host lookup (tenant resolution of every request)',
    sql: `SELECT t.id, t.slug, t.name, t.public_url, t.status, s.settings, s.version,
            (SELECT jsonb_object_agg(a.kind, jsonb_build_object('sha256', a.sha256, 'contentType', a.content_type)) FROM tenant_assets a WHERE a.tenant_id = t.id) AS assets
       FROM tenants t
       INNER JOIN tenant_hosts h ON h.tenant_id = t.id
       INNER JOIN tenant_settings s ON s.tenant_id = t.id
      WHERE h.host_name = $1`,
    indexed: ['tenants', 'tenant_hosts', 'tenant_settings'],
  },
  {
    name: 'user by username in a tenant (sign-in, forgot-password)',
    sql: `SELECT id, username, first_name AS "firstName", last_name AS "lastName", email, password_hash AS "passwordHash", status, locked_until AS "lockedUntil"
         FROM users WHERE tenant_id = $1 AND username = $2`,
    indexed: ['users'],
  },
  {
    name: 'users by email in a tenant (import matching)',
    sql: `SELECT id, username, email, external_id FROM users
        WHERE tenant_id = $1 AND (external_id = ANY($2::varchar[]) OR email = ANY($3::varchar[]) OR username = ANY($4::varchar[]))`,
    indexed: ['users'],
  },
  {
    name: 'user by id in a tenant (refresh, account emails)',
    sql: `SELECT id, username, first_name AS "firstName", last_name AS "lastName", email FROM users WHERE id = $1 AND tenant_id = $2`,
    indexed: ['users'],
  },
  {
    name: 'reset token by hash (consumed atomically)',
    sql: `UPDATE action_tokens SET consumed_at = now()
            WHERE tenant_id = $1 AND token_hash = $2 AND consumed_at IS NULL AND voided_at IS NULL AND expires_at > now()
           RETURNING id, user_id, purpose`,
    indexed: ['action_tokens'],
  },
  {
    name: 'refresh session by token hash (rotation)',
    sql: `UPDATE refresh_sessions s SET rotated_at = now()
             FROM users u
            WHERE s.tenant_id = $1 AND s.token_hash = $2 AND s.rotated_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > now()
              AND u.id = s.user_id AND u.tenant_id = s.tenant_id AND u.status = 'active'
           RETURNING s.user_id, s.family_id, s.persistent`,
    indexed: ['refresh_sessions', 'users'],
  },
  {
    name: 'OpenID session by id',
    sql: `SELECT payload FROM oidc_payloads WHERE tenant_id = $1 AND model = $2 AND id = $3`,
    indexed: ['oidc_payloads'],
  },
];
