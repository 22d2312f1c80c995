import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LookupRequest, lookupRequestSchema, type LookupResponse } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { JsonBodyGuard } from '../../platform/request/json-body.guard.js';
import { requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { LookupUsername } from './lookup-username.usecase.js';

@ApiTags('lookup')
@Controller('api/v1/username')
export class LookupController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly lookup: LookupUsername,
  ) {}

  @Post('lookup')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary:
      "Candidate usernames for a first and last name; only from the tenant's allowed networks (403 elsewhere), rate limited",
  })
  find(
    @Body(new ZodValidationPipe(lookupRequestSchema)) body: LookupRequest,
    @Req() request: FastifyRequest,
  ): Promise<LookupResponse> {
    return this.lookup.execute({
      tenant: this.current.get(request),
      firstName: body.firstName,
      lastName: body.lastName,
      meta: requestMeta(request),
    });
  }
}
