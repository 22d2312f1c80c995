import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setCookies } from '../auth/auth.controller.js';
import { PortalSessionCookie } from '../auth/portal-session-cookie.js';
import { Sessions } from '../auth/sessions.js';
import { PortalCsrf } from '../portal/csrf.js';
import { requestLocale, requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import { messagePage, oidcPage, oidcPageCsp } from './oidc-pages.js';
import { SignOutEverywhere } from './sign-out-everywhere.usecase.js';

/** The /account page's « sign out everywhere »: every device, every application. */
@ApiExcludeController()
@Controller('account')
export class SignOutEverywhereController {
  private readonly csrf: PortalCsrf;

  constructor(
    private readonly current: CurrentTenant,
    private readonly sessions: Sessions,
    private readonly signOutEverywhere: SignOutEverywhere,
    private readonly cookie: PortalSessionCookie,
  ) {
    this.csrf = new PortalCsrf(cookie.secure);
  }

  @Post('sign-out-everywhere')
  async execute(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const tenant = this.current.get(request);
    if (!this.csrf.verify(request)) {
      const page = oidcPage(tenant, requestLocale(request, tenant), '/account');
      return void reply
        .status(403)
        .type('text/html; charset=utf-8')
        .header('content-security-policy', oidcPageCsp())
        .header('cache-control', 'no-store')
        .send(messagePage(page, 'csrf.title', 'csrf.body'));
    }
    const found = await this.sessions.userByToken(tenant.id, this.cookie.read(request));
    if (found) await this.signOutEverywhere.execute(tenant, found.user.id, requestMeta(request));
    setCookies(reply, [this.cookie.cleared(tenant.settings.features.teamsTab)]);
    void reply.header('cache-control', 'no-store').redirect('/login?notice=signed-out', 303);
  }
}
