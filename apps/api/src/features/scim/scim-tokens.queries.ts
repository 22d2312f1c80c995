import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimTokensRepository, type TenantId } from '@guichet/db';
import type { ScimTokenList } from '@guichet/types';
import type { DataSource } from 'typeorm';
import { toTokenView } from './scim-token-view.js';
import { scimBaseUrl } from './scim-user-view.js';

/** The tenant's SCIM tokens as the admin app lists them (never the tokens themselves). */
@Injectable()
export class ScimTokens {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenant: { id: TenantId; publicUrl: string }): Promise<ScimTokenList> {
    const tokens = await new ScimTokensRepository(this.dataSource).list(tenant.id);
    return { scimUrl: scimBaseUrl(tenant.publicUrl), tokens: tokens.map(toTokenView) };
  }
}
