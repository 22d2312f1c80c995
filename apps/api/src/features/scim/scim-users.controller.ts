import {
  All,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { CreateScimUser } from './create-scim-user.usecase.js';
import { DeleteScimUser } from './delete-scim-user.usecase.js';
import { ScimUsers } from './scim-users.queries.js';
import { ScimAuthGuard } from './scim-auth.guard.js';
import { serviceProviderConfig, userResourceType, userSchema } from './scim-discovery.js';
import { invalidValue, SCIM_CONTENT_TYPE, ScimError } from './scim-error.js';
import { applyPatch } from './scim-patch.js';
import { UpdateScimUser } from './update-scim-user.usecase.js';
import { patchOperations, USER_SCHEMA, userStateFromResource } from './scim-schemas.js';
import type { ScimRequest } from './scim-user-fields.js';
import { listResponse, scimBaseUrl } from './scim-user-view.js';

/** One value per query parameter: a repeated one is refused. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw invalidValue(`${name} must be given once.`);
}

/**
 * SCIM 2.0 (RFC 7643/7644) on every tenant host at `/scim/v2`, for a provisioning client
 * such as Microsoft Entra ID: discovery, and Users (list with filter and paging, get,
 * create, replace, patch, delete = disable). Bearer tokens of the host's tenant only.
 */
@ApiExcludeController()
@Controller('scim/v2')
@UseGuards(ScimAuthGuard)
export class ScimUsersController {
  constructor(
    private readonly tenant: CurrentTenant,
    private readonly users: ScimUsers,
    private readonly createUser: CreateScimUser,
    private readonly updateUser: UpdateScimUser,
    private readonly deleteUser: DeleteScimUser,
  ) {}

  private scim(request: FastifyRequest): ScimRequest {
    return {
      tenant: this.tenant.get(request),
      client: request.scimClient!,
      meta: requestMeta(request),
    };
  }

  private base(request: FastifyRequest): string {
    return scimBaseUrl(this.tenant.get(request).publicUrl);
  }

  @Get('ServiceProviderConfig')
  @Header('content-type', SCIM_CONTENT_TYPE)
  config(@Req() request: FastifyRequest) {
    return serviceProviderConfig(this.base(request));
  }

  @Get('ResourceTypes')
  @Header('content-type', SCIM_CONTENT_TYPE)
  resourceTypes(@Req() request: FastifyRequest) {
    return listResponse(1, 1, [userResourceType(this.base(request))]);
  }

  @Get('ResourceTypes/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  resourceType(@Req() request: FastifyRequest, @Param('id') id: string) {
    if (id !== 'User')
      throw new ScimError(404, `No resource type "${id.slice(0, 100)}": only User.`);
    return userResourceType(this.base(request));
  }

  @Get('Schemas')
  @Header('content-type', SCIM_CONTENT_TYPE)
  schemas(@Req() request: FastifyRequest) {
    return listResponse(1, 1, [userSchema(this.base(request))]);
  }

  @Get('Schemas/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  schema(@Req() request: FastifyRequest, @Param('id') id: string) {
    if (id !== USER_SCHEMA) throw new ScimError(404, `No schema "${id.slice(0, 200)}".`);
    return userSchema(this.base(request));
  }

  /** Groups are not provisioned (ServiceProviderConfig and ResourceTypes list Users only). */
  @All(['Groups', 'Groups/:id'])
  groups(): never {
    throw new ScimError(404, 'Groups are not supported by this endpoint: provision users only.');
  }

  @Get('Users')
  @Header('content-type', SCIM_CONTENT_TYPE)
  list(@Req() request: FastifyRequest, @Query() query: Record<string, unknown>) {
    return this.users.list(this.tenant.get(request), {
      filter: single(query, 'filter'),
      startIndex: single(query, 'startIndex'),
      count: single(query, 'count'),
    });
  }

  @Get('Users/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  get(@Req() request: FastifyRequest, @Param('id') id: string) {
    return this.users.get(this.tenant.get(request), id);
  }

  @Post('Users')
  @HttpCode(201)
  @Header('content-type', SCIM_CONTENT_TYPE)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const user = await this.createUser.execute(this.scim(request), userStateFromResource(body));
    void reply.header('location', user.meta.location);
    return user;
  }

  @Put('Users/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  replace(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    const wanted = userStateFromResource(body);
    return this.updateUser.execute(this.scim(request), id, () => wanted);
  }

  @Patch('Users/:id')
  @Header('content-type', SCIM_CONTENT_TYPE)
  patch(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    const operations = patchOperations(body);
    return this.updateUser.execute(this.scim(request), id, (current) =>
      applyPatch(current, operations),
    );
  }

  @Delete('Users/:id')
  @HttpCode(204)
  async remove(@Req() request: FastifyRequest, @Param('id') id: string): Promise<void> {
    await this.deleteUser.execute(this.scim(request), id);
  }
}
