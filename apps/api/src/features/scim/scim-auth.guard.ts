import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScimTokensRepository } from '@guichet/db';
import { hashToken } from '@guichet/platform';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { requestMeta } from '../../platform/request/request-meta.js';
import { RateLimits } from '../../platform/security/rate-limits.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { ScimError } from './scim-error.js';
import { isScimToken } from './scim-token.js';

/** The provisioning client of a SCIM request: its token's id and name (the audit log's actor). */
export interface ScimClient {
  tokenId: string;
  name: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    scimClient?: ScimClient;
  }
}

/**
 * `Authorization: Bearer gscim_…` of a live SCIM token of the request's tenant (resolved from
 * the Host): a token of another tenant, a revoked or unknown one is a 401 in the SCIM error
 * schema. Failures are counted per tenant and client address (`scim-auth-ip`): past the
 * limit, 429 before any token is looked at. Per tenant, because provisioning services send
 * every customer's requests from the same few addresses.
 */
@Injectable()
export class ScimAuthGuard implements CanActivate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenant: CurrentTenant,
    private readonly rateLimits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const tenantId = this.tenant.id(request);
    const key = `${tenantId}:${requestMeta(request).ip ?? 'unknown'}`;
    try {
      await this.rateLimits.assertUnder('scim-auth-ip', key);
    } catch (error) {
      if (error instanceof TooManyRequestsException)
        throw new ScimError(
          429,
          'Too many failed authentications from your network: try again later.',
          undefined,
          error.headers,
        );
      throw error;
    }
    const header = request.headers.authorization;
    const [scheme, token] = typeof header === 'string' ? header.trim().split(/\s+/, 2) : [];
    const client =
      scheme?.toLowerCase() === 'bearer' && isScimToken(token)
        ? await new ScimTokensRepository(this.dataSource).authenticate(tenantId, hashToken(token))
        : null;
    if (!client) {
      await this.rateLimits.countFailure('scim-auth-ip', key);
      throw new ScimError(
        401,
        'A valid SCIM token of this tenant is required (Authorization: Bearer …).',
        undefined,
        {
          'www-authenticate': 'Bearer realm="scim"',
        },
      );
    }
    request.scimClient = { tokenId: client.id, name: client.name };
    return true;
  }
}
