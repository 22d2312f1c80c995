import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  adminLoginRequestSchema,
  type AdminLoginRequest,
  type AdminLoginResponse,
  type AdminView,
  type TotpCodeRequest,
  type TotpEnabledResponse,
  totpCodeRequestSchema,
  type TotpSetupResponse,
} from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { requestMeta } from '../../../platform/request/request-meta.js';
import { OnHosts } from '../../../platform/tenancy/host.js';
import { AdminAuthGuard } from '../access/admin-auth.guard.js';
import { AdminLogin } from './admin-login.usecase.js';
import { Actor, type AdminActor } from '../access/admin-request.js';
import { DisableTotp, EnableTotp, SetUpTotp } from './admin-totp.usecases.js';

/** Sign-in and the signed-in admin's own account (second factor). */
@ApiTags('admin')
@OnHosts('admin')
@Controller('api/v1/admin')
export class AdminController {
  constructor(
    private readonly login: AdminLogin,
    private readonly setUpTotp: SetUpTotp,
    private readonly enableTotp: EnableTotp,
    private readonly disableTotp: DisableTotp,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Signs an administrator in (email, password, and the TOTP code once enabled); 401 invalid_credentials or totp_required; locked after 5 failures',
  })
  signIn(
    @Body(new ZodValidationPipe(adminLoginRequestSchema)) body: AdminLoginRequest,
    @Req() request: FastifyRequest,
  ): Promise<AdminLoginResponse> {
    return this.login.execute(body, requestMeta(request));
  }

  @Get('me')
  @UseGuards(AdminAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in administrator: role, tenants, second factor' })
  me(@Req() request: FastifyRequest): AdminView {
    return request.admin!;
  }

  @Post('me/totp/setup')
  @HttpCode(200)
  @UseGuards(AdminAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Starts setting up the TOTP second factor: a new secret and its otpauth:// URI (not active until enabled)',
  })
  totpSetup(@Actor() actor: AdminActor): Promise<TotpSetupResponse> {
    return this.setUpTotp.execute(actor);
  }

  @Post('me/totp/enable')
  @HttpCode(200)
  @UseGuards(AdminAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Turns the second factor on with a code from the secret of setup (that code is then used); every token of the admin ends, and the reply carries a new one for this session; 429 after 5 wrong codes',
  })
  totpEnable(
    @Actor() actor: AdminActor,
    @Body(new ZodValidationPipe(totpCodeRequestSchema)) body: TotpCodeRequest,
  ): Promise<TotpEnabledResponse> {
    return this.enableTotp.execute(actor, body.code);
  }

  @Post('me/totp/disable')
  @HttpCode(200)
  @UseGuards(AdminAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Turns the second factor off, with a current code; 429 after 5 wrong codes',
  })
  totpDisable(
    @Actor() actor: AdminActor,
    @Body(new ZodValidationPipe(totpCodeRequestSchema)) body: TotpCodeRequest,
  ): Promise<AdminView> {
    return this.disableTotp.execute(actor, body.code);
  }
}
