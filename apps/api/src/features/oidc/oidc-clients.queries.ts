import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@guichet/db';
import type { OidcClientView } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { OidcClientStore } from './oidc-client-store.js';
import { OIDC_CLIENT_NOT_FOUND, view } from './oidc-clients.shared.js';

/** The tenant's OpenID Connect clients as the admin app lists them (never a secret). */
@Injectable()
export class OidcClients {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: TenantId): Promise<OidcClientView[]> {
    return (await new OidcClientStore(this.dataSource).list(tenantId)).map(view);
  }

  async get(tenantId: TenantId, clientId: string): Promise<OidcClientView> {
    const row = await new OidcClientStore(this.dataSource).adminView(tenantId, clientId);
    if (!row) throw new NotFoundException(OIDC_CLIENT_NOT_FOUND);
    return view(row);
  }
}
