import { Body, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  type OidcClientCreated,
  oidcClientCreateSchema,
  oidcClientUpdateSchema,
  type OidcClientView,
} from '@guichet/types';
import type { z } from 'zod';
import { Actor, type AdminActor, RouteTenant } from '../admin/access/admin-request.js';
import type { AdminTenant } from '../admin/access/tenant-access.guard.js';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { CreateOidcClient } from './create-oidc-client.usecase.js';
import { DeleteOidcClient } from './delete-oidc-client.usecase.js';
import { OidcClients } from './oidc-clients.queries.js';
import { RotateOidcClientSecret } from './rotate-oidc-client-secret.usecase.js';
import { UpdateOidcClient } from './update-oidc-client.usecase.js';
import { clientIdParam } from './client-id.pipe.js';
import { TenantAdminController } from '../admin/access/admin-controller.js';

/** A tenant's OpenID Connect clients (applications that sign its staff in) in the admin API. */
@TenantAdminController('oidc-clients')
export class OidcClientsController {
  constructor(
    private readonly clients: OidcClients,
    private readonly createClient: CreateOidcClient,
    private readonly updateClient: UpdateOidcClient,
    private readonly rotateClientSecret: RotateOidcClientSecret,
    private readonly deleteClient: DeleteOidcClient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The tenant’s OpenID Connect clients' })
  list(@RouteTenant() tenant: AdminTenant): Promise<OidcClientView[]> {
    return this.clients.list(tenant.id);
  }

  @Post()
  @ApiOperation({
    summary:
      'Registers a client; a confidential client’s secret is in this answer only (stored hashed); audited',
  })
  create(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(oidcClientCreateSchema))
    body: z.output<typeof oidcClientCreateSchema>,
  ): Promise<OidcClientCreated> {
    return this.createClient.execute(actor, tenant.id, body);
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'One client of the tenant' })
  get(
    @RouteTenant() tenant: AdminTenant,
    @Param('clientId', clientIdParam) clientId: string,
  ): Promise<OidcClientView> {
    return this.clients.get(tenant.id, clientId);
  }

  @Patch(':clientId')
  @ApiOperation({ summary: 'Changes the name, redirect URIs or first-party flag; audited' })
  update(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('clientId', clientIdParam) clientId: string,
    @Body(new ZodValidationPipe(oidcClientUpdateSchema))
    body: z.output<typeof oidcClientUpdateSchema>,
  ): Promise<OidcClientView> {
    return this.updateClient.execute(actor, tenant.id, clientId, body);
  }

  @Post(':clientId/secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new secret (shown in this answer only); the old one stops working; audited',
  })
  rotateSecret(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('clientId', clientIdParam) clientId: string,
  ): Promise<OidcClientCreated> {
    return this.rotateClientSecret.execute(actor, tenant.id, clientId);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes the client with its grants and tokens; audited' })
  delete(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('clientId', clientIdParam) clientId: string,
  ): Promise<void> {
    return this.deleteClient.execute(actor, tenant.id, clientId);
  }
}
