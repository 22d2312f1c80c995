import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AcceptedResponse,
  resetPasswordRequestSchema,
  type UsernameRequest,
  usernameRequestSchema,
} from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { JsonBodyGuard } from '../../platform/request/json-body.guard.js';
import { requestLocale, requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { ACCEPTED } from './accepted.js';
import { RequestAccountLink } from './request-account-link.usecase.js';
import { ResetPassword } from './reset-password.usecase.js';

/** The token is checked by the use case (any malformed token gets the one invalid_token reply). */
const resetBody = new ZodValidationPipe(
  resetPasswordRequestSchema.extend({ token: z.unknown().optional() }),
);

@ApiTags('recovery')
@Controller('api/v1/password')
export class RecoveryController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly resetPassword: ResetPassword,
    private readonly requestLink: RequestAccountLink,
  ) {}

  @Post('forgot')
  @HttpCode(202)
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary:
      'Emails a reset link (or the enrolment link) to the address on file; the same 202 whether or not the account exists (503 busy with Retry-After, for every account alike, when the service cannot take it on)',
  })
  async forgot(
    @Body(new ZodValidationPipe(usernameRequestSchema)) body: UsernameRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AcceptedResponse> {
    const tenant = this.current.get(request);
    await this.requestLink.execute(reply, 'forgot-password', {
      tenant,
      username: body.username,
      locale: requestLocale(request, tenant, body.locale),
      meta: requestMeta(request),
    });
    return ACCEPTED;
  }

  @Post('reset')
  @HttpCode(204)
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary:
      'Sets a new password with the emailed token; 400 invalid_token, or 400 password_policy with violations',
  })
  async reset(@Body() body: unknown, @Req() request: FastifyRequest): Promise<void> {
    const tenant = this.current.get(request);
    const parsed = resetBody.transform(body);
    await this.resetPassword.execute({
      tenant,
      token: parsed.token,
      password: parsed.password,
      locale: requestLocale(request, tenant, parsed.locale),
      meta: requestMeta(request),
    });
  }
}
