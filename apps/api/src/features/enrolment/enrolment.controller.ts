import {
  Body,
  Controller,
  ForbiddenException,
  HttpCode,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AcceptedResponse, type UsernameRequest, usernameRequestSchema } from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { ACCEPTED } from '../recovery/accepted.js';
import { AccountRequests } from '../../platform/outbox/account-requests.js';
import { JsonBodyGuard } from '../../platform/request/json-body.guard.js';
import { requestLocale, requestMeta } from '../../platform/request/request-meta.js';
import { ClientLimits } from '../../platform/security/client-limits.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';

@ApiTags('enrolment')
@Controller('api/v1/enrollment')
export class EnrolmentController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly limits: ClientLimits,
    private readonly requests: AccountRequests,
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
    const tenant = this.current.get();
    if (!tenant.settings.features.enrolment) {
      throw new ForbiddenException({
        error: 'feature_disabled',
        message: 'Self-enrolment is not offered on this portal.',
      });
    }
    const meta = requestMeta(request);
    await this.limits.consume('recovery-ip', tenant, meta);
    const locale = requestLocale(request, tenant, body.locale);
    await this.requests.accept(reply, 'enrolment', {
      tenant,
      username: body.username,
      locale,
      meta,
    });
    return ACCEPTED;
  }
}
