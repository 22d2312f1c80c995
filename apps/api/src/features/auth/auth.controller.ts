import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type LoginRequest,
  loginRequestSchema,
  type LoginResponse,
  type UserView,
} from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../platform/common/zod-validation.pipe.js';
import { JsonBodyGuard } from '../../platform/request/json-body.guard.js';
import { requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { PortalAuthGuard } from './portal-auth.guard.js';
import { PortalSessionCookie } from './portal-session-cookie.js';
import { RefreshSession } from './refresh-session.usecase.js';
import { SameOriginGuard } from './same-origin.guard.js';
import { type CookieSpec, sessionCookie, signInCookies } from './session-cookies.js';
import { SignIn } from './sign-in.usecase.js';
import { SignOut } from './sign-out.usecase.js';

const SESSION_EXPIRED = {
  error: 'invalid_session',
  message: 'Your session has ended. Sign in again.',
};

export function setCookies(reply: FastifyReply, cookies: readonly CookieSpec[]): void {
  for (const c of cookies) void reply.setCookie(c.name, c.value, c.options);
}

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly current: CurrentTenant,
    private readonly signIn: SignIn,
    private readonly refreshSession: RefreshSession,
    private readonly signOut: SignOut,
    private readonly cookie: PortalSessionCookie,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary:
      'Signs in: an access token, and the session (refresh) and username cookies of the remember mode; 401 on any failure',
  })
  async login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const tenant = this.current.get(request);
    const result = await this.signIn.execute({
      tenant,
      username: body.username,
      password: body.password,
      remember: body.remember,
      meta: requestMeta(request),
    });
    setCookies(
      reply,
      signInCookies(body.remember, {
        secure: this.cookie.secure,
        token: result.session.token,
        username: result.username,
        refreshDays: tenant.settings.tokenLifetimes.refreshDays,
        embeddable: tenant.settings.features.teamsTab,
      }),
    );
    return result.response;
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @UseGuards(SameOriginGuard)
  @ApiOperation({
    summary:
      'A new access token from the session cookie, which is rotated; a rotated cookie used again ends the whole session',
  })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const tenant = this.current.get(request);
    const result = await this.refreshSession.execute(
      tenant,
      this.cookie.read(request),
      requestMeta(request),
    );
    if (!result.ok) {
      setCookies(reply, [this.cookie.cleared(tenant.settings.features.teamsTab)]);
      throw new UnauthorizedException(SESSION_EXPIRED);
    }
    setCookies(reply, [
      sessionCookie(
        this.cookie.secure,
        result.session.token,
        result.session.persistent ? result.session.lifetimeSeconds : null,
        tenant.settings.features.teamsTab,
      ),
    ]);
    return result.response;
  }

  @Post('auth/logout')
  @HttpCode(204)
  @UseGuards(SameOriginGuard)
  @ApiOperation({
    summary:
      'Ends the session of the cookie (and of the Bearer token); the remembered username stays',
  })
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const tenant = this.current.get(request);
    const header = request.headers.authorization;
    const accessToken =
      typeof header === 'string' && header.startsWith('Bearer ')
        ? header.slice(7).trim()
        : undefined;
    await this.signOut.execute(
      tenant,
      { refreshToken: this.cookie.read(request), accessToken },
      requestMeta(request),
    );
    setCookies(reply, [this.cookie.cleared(tenant.settings.features.teamsTab)]);
  }

  @Get('me')
  @Header('cache-control', 'no-store')
  @UseGuards(PortalAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in account (Bearer access token or the session cookie)' })
  me(@Req() request: FastifyRequest): UserView {
    return request.portalUser!.user;
  }
}
