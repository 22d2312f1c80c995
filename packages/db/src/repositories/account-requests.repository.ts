import type { AccountRequestKind } from '../entities/account-request.entity.js';
import type { TenantId } from '../tenant-id.js';
import { modify, type Queryable } from './queryable.js';

/** `Meta`: the request's facts as the API keeps them (client address, request id…). */
export interface AccountRequestRow<Meta = Record<string, unknown>> {
  id: string;
  tenantId: TenantId;
  kind: AccountRequestKind;
  username: string;
  locale: string;
  meta: Meta;
  attempts: number;
}

/** Forgot-password and enrolment requests handed off durably (`account_requests`). */
export class AccountRequestsRepository {
  constructor(private readonly db: Queryable) {}

  in(db: Queryable): AccountRequestsRepository {
    return new AccountRequestsRepository(db);
  }

  async insert<Meta>(
    tenant: TenantId,
    request: Omit<AccountRequestRow<Meta>, 'tenantId' | 'attempts'> & { retrySeconds: number },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO account_requests (id, tenant_id, kind, username, locale, meta, retry_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [
        request.id,
        tenant,
        request.kind,
        request.username,
        request.locale,
        request.meta,
        request.retrySeconds,
      ],
    );
  }

  /**
   * `insert` of many requests of one tenant in one statement. A request already written (its
   * ids are the caller's, random) is left as it is: a coalesced run that failed for another
   * tenant's requests is run again one request at a time (`Coalesced`).
   */
  async insertMany<Meta>(
    tenant: TenantId,
    requests: readonly Omit<AccountRequestRow<Meta>, 'tenantId' | 'attempts'>[],
    retrySeconds: number,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO account_requests (id, tenant_id, kind, username, locale, meta, retry_at)
       SELECT v.id, $1, v.kind, v.username, v.locale, v.meta::jsonb, now() + make_interval(secs => $7)
         FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[]) AS v(id, kind, username, locale, meta)
       ON CONFLICT (id) DO NOTHING`,
      [
        tenant,
        requests.map((r) => r.id),
        requests.map((r) => r.kind),
        requests.map((r) => r.username),
        requests.map((r) => r.locale),
        requests.map((r) => JSON.stringify(r.meta)),
        retrySeconds,
      ],
    );
  }

  async deleteMany(tenant: TenantId, ids: readonly string[]): Promise<void> {
    await this.db.query(
      'DELETE FROM account_requests WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
      [tenant, ids],
    );
  }

  async delete(tenant: TenantId, id: string): Promise<void> {
    await this.db.query('DELETE FROM account_requests WHERE tenant_id = $1 AND id = $2', [
      tenant,
      id,
    ]);
  }

  /**
   * Platform-wide, for the sweep: takes up to `limit` requests past their retry time (one
   * process each, `SKIP LOCKED`), pushing their retry time on and counting the attempt.
   */
  async claimDueAcrossTenants<Meta>(
    retrySeconds: number,
    limit: number,
  ): Promise<AccountRequestRow<Meta>[]> {
    const { rows } = await modify<AccountRequestRow<Meta>>(
      this.db,
      `UPDATE account_requests SET retry_at = now() + make_interval(secs => $1), attempts = attempts + 1
        WHERE id IN (SELECT id FROM account_requests WHERE retry_at <= now() ORDER BY retry_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, tenant_id AS "tenantId", kind, username, locale, meta, attempts`,
      [retrySeconds, limit],
    );
    return rows;
  }
}
