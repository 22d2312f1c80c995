import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { OidcClientCreated, OidcClientView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { type AdminActor, adminAudit } from '../admin/access/admin-request.js';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import {
  type NewOidcClient,
  type OidcClientAdminRow,
  type OidcClientChanges,
  OidcClientStore,
} from './oidc-client-store.js';
import { redirectUriProblem } from './redirect-uris.js';

export const OIDC_CLIENT_NOT_FOUND = {
  error: 'not_found',
  message: 'This tenant has no OpenID Connect client with this id.',
};

const view = (row: OidcClientAdminRow): OidcClientView => ({
  clientId: row.clientId,
  name: row.name,
  public: row.public,
  firstParty: row.firstParty,
  redirectUris: row.redirectUris,
  postLogoutRedirectUris: row.postLogoutRedirectUris,
  backchannelLogoutUri: row.backchannelLogoutUri,
  lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

/** What the audit log keeps of a client (never its secret). */
const auditState = (c: OidcClientView) => ({
  name: c.name,
  public: c.public,
  firstParty: c.firstParty,
  redirectUris: c.redirectUris,
  postLogoutRedirectUris: c.postLogoutRedirectUris,
  backchannelLogoutUri: c.backchannelLogoutUri,
});

/**
 * The tenant's OpenID Connect clients through the admin API: list, register (the secret
 * shown once, stored hashed), change, rotate the secret, delete (its grants and tokens
 * with it); every change audited.
 */
@Injectable()
export class OidcClients {
  private readonly uriRules: { baseDomain: string; production: boolean };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.uriRules = {
      baseDomain: config.BASE_DOMAIN,
      production: config.NODE_ENV === 'production',
    };
  }

  async list(tenantId: TenantId): Promise<OidcClientView[]> {
    return (await new OidcClientStore(this.dataSource).list(tenantId)).map(view);
  }

  async get(tenantId: TenantId, clientId: string): Promise<OidcClientView> {
    const row = await new OidcClientStore(this.dataSource).adminView(tenantId, clientId);
    if (!row) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
    return view(row);
  }

  async create(
    actor: AdminActor,
    tenantId: TenantId,
    input: NewOidcClient,
  ): Promise<OidcClientCreated> {
    this.checkUris([
      ...input.redirectUris,
      ...input.postLogoutRedirectUris,
      ...(input.backchannelLogoutUri ? [input.backchannelLogoutUri] : []),
    ]);
    return this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const { clientId, clientSecret } = await store.create(tenantId, input);
      const created = view((await store.adminView(tenantId, clientId))!);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.created'),
        targetType: 'oidc_client',
        targetId: clientId,
        details: auditState(created),
      });
      return clientSecret ? { ...created, clientSecret } : created;
    });
  }

  async update(
    actor: AdminActor,
    tenantId: TenantId,
    clientId: string,
    changes: OidcClientChanges,
  ): Promise<OidcClientView> {
    this.checkUris([
      ...(changes.redirectUris ?? []),
      ...(changes.postLogoutRedirectUris ?? []),
      ...(changes.backchannelLogoutUri ? [changes.backchannelLogoutUri] : []),
    ]);
    return this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const before = await store.adminView(tenantId, clientId, true);
      if (!before) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
      await store.update(tenantId, clientId, changes);
      const after = view((await store.adminView(tenantId, clientId))!);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.updated'),
        targetType: 'oidc_client',
        targetId: clientId,
        before: auditState(view(before)),
        details: auditState(after),
      });
      return after;
    });
  }

  async rotateSecret(
    actor: AdminActor,
    tenantId: TenantId,
    clientId: string,
  ): Promise<OidcClientCreated> {
    return this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const before = await store.adminView(tenantId, clientId, true);
      if (!before) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
      if (before.public)
        throw new BadRequestException({
          error: 'public_client',
          message: 'A public client has no secret to rotate.',
        });
      const clientSecret = (await store.rotateSecret(tenantId, clientId))!;
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.secret_rotated'),
        targetType: 'oidc_client',
        targetId: clientId,
      });
      return { ...view((await store.adminView(tenantId, clientId))!), clientSecret };
    });
  }

  async delete(actor: AdminActor, tenantId: TenantId, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const store = new OidcClientStore(em);
      const before = await store.adminView(tenantId, clientId, true);
      if (!before) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
      await store.delete(tenantId, clientId);
      await this.audit.recordIn(em, {
        ...adminAudit(actor, tenantId, 'oidc_client.deleted'),
        targetType: 'oidc_client',
        targetId: clientId,
        before: auditState(view(before)),
      });
    });
  }

  private checkUris(uris: string[]): void {
    const violations = uris
      .map((uri) => redirectUriProblem(uri, this.uriRules))
      .filter((p): p is string => p !== null);
    if (violations.length)
      throw new BadRequestException({
        error: 'invalid_redirect_uri',
        message: violations[0],
        violations,
      });
  }
}
