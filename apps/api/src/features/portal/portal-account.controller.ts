import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Sessions } from '../auth/sessions.js';
import { SignOut } from '../auth/sign-out.usecase.js';
import { requestMeta } from '../../platform/request/request-meta.js';
import { OIDC_SESSION_COOKIE, OidcProviders } from '../oidc/oidc-providers.js';
import { PortalResponder } from './portal-responder.js';
import { render } from './portal-views.js';

/** The signed-in page and signing out (of the portal and of the tenant's issuer). */
@ApiExcludeController()
@Controller()
export class PortalAccountController {
  constructor(
    private readonly sessions: Sessions,
    private readonly signOut: SignOut,
    private readonly providers: OidcProviders,
    private readonly respond: PortalResponder,
  ) {}

  @Get('account')
  async account(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.respond.page(request, '/account');
    const found = await this.sessions.userByToken(
      page.tenant.id,
      this.respond.sessionToken(request),
    );
    if (!found) return this.respond.redirect(reply, '/login');
    const { user } = found;
    this.respond.send(
      page,
      reply,
      200,
      render('account', page, 'account.title', {
        csrf: this.respond.csrfFor(page, request, reply),
        displayName: `${user.firstName} ${user.lastName}`.trim() || user.username,
        accountUsername: user.username,
      }),
    );
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.respond.page(request, '/login');
    if (!this.respond.csrfValid(request)) return this.respond.csrfFailed(page, reply);
    await this.signOut.execute(
      page.tenant,
      { refreshToken: this.respond.sessionToken(request) },
      requestMeta(request),
    );
    // Signed out of the portal is signed out of the issuer too: no silent sign-in to an application next.
    const issuerSession = request.cookies?.[OIDC_SESSION_COOKIE];
    await this.providers.endSession(page.tenant, issuerSession);
    const issuerCookies =
      issuerSession !== undefined ? [OIDC_SESSION_COOKIE, `${OIDC_SESSION_COOKIE}.sig`] : [];
    this.respond.setCookies(reply, this.respond.cleared(page, issuerCookies));
    this.respond.redirect(reply, '/login?notice=signed-out');
  }
}
