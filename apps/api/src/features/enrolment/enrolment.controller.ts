import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AcceptedResponse, type UsernameRequest, usernameRequestSchema } from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { ACCEPTED } from '../recovery/accepted.js';
import { RequestAccountLink } from '../recovery/request-account-link.usecase.js';
import { JsonBodyGuard } from '../../platform/request/json-body.guard.js';
import { requestLocale, requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';

@ApiTags('enrolment')
@Controller('api/v1/enrollment')
export class EnrolmentController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly requestLink: RequestAccountLink,
  ) {}

  @Post()
  @HttpCode(202)
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary:
      'Emails the enrolment link (or an "already registered" notice) to the address on file; the same 202 whether or not the account exists (503 busy with Retry-After, for every account alike, when the service cannot take it on)',
  })
  async enrol(
    @Body(new ZodValidationPipe(usernameRequestSchema)) body: UsernameRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptedResponse> {
    const tenant = this.current.get(request);
    await this.requestLink.execute(reply, 'enrolment', {
      tenant,
      username: body.username,
      locale: requestLocale(request, tenant, body.locale),
      meta: requestMeta(request),
    });
    return ACCEPTED;
  }
}
