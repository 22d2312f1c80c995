import { Controller, Get, Post, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Remember } from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signInCookies } from '../auth/session-cookies.js';
import { SignIn } from '../auth/sign-in.usecase.js';
import { requestMeta } from '../../platform/request/request-meta.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { OidcAppReturn } from '../oidc/oidc-app-return.js';
import { oidcReturnPath } from '../oidc/oidc-return.js';
import type { MessageKey } from './i18n/index.js';
import { loginForm, readForm } from './portal-forms.js';
import { PortalResponder } from './portal-responder.js';
import { LoginPageCache, type PageRequest } from './portal-views.js';
import { escapeHtml } from './templates.js';

const NOTICES: Record<string, MessageKey> = {
  'password-changed': 'notice.password-changed',
  'signed-out': 'notice.signed-out',
};
const REMEMBER: readonly Remember[] = ['all', 'username', 'none'];

/** The portal's sign-in page (and `/`, which leads to it). */
@ApiExcludeController()
@Controller()
export class PortalLoginController {
  private readonly loginCache = new LoginPageCache();

  constructor(
    private readonly signIn: SignIn,
    private readonly respond: PortalResponder,
    private readonly appReturn: OidcAppReturn,
  ) {}

  @Get()
  root(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const lang = (request.query as Record<string, unknown>)?.lang;
    void reply
      .status(303)
      .header('cache-control', 'no-store')
      .redirect(
        typeof lang === 'string' && /^[a-z]{2}$/.test(lang) ? `/login?lang=${lang}` : '/login',
        303,
      );
  }

  @Get('login')
  loginPage(
    @Req() request: FastifyRequest,
    @Query('notice') notice: unknown,
    @Res() reply: FastifyReply,
  ): void {
    const page = this.respond.page(request, '/login');
    this.sendLogin(page, request, reply, 200, {
      notice:
        typeof notice === 'string' && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined,
    });
  }

  @Post('login')
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.respond.page(request, '/login');
    if (!this.respond.csrfValid(request)) return this.respond.csrfFailed(page, reply);
    const form = readForm(request, loginForm);
    if (!form.ok)
      return this.sendLogin(page, request, reply, 400, { error: 'form.invalid-characters' }, '');
    const { username, password, remember: rememberField } = form.data;
    const remember: Remember = (REMEMBER as string[]).includes(rememberField)
      ? (rememberField as Remember)
      : 'username';
    if (!username || !password)
      return this.sendLogin(page, request, reply, 400, { error: 'login.missing' }, username);
    const { tenant } = page;
    try {
      const result = await this.signIn.execute({
        tenant,
        username,
        password,
        remember,
        meta: requestMeta(request),
      });
      this.respond.setCookies(
        reply,
        signInCookies(remember, {
          secure: this.respond.secure,
          token: result.session.token,
          username: result.username,
          refreshDays: tenant.settings.tokenLifetimes.refreshDays,
          embeddable: tenant.settings.features.teamsTab,
        }),
      );
      // An application's sign-in request (OpenID Connect) continues where it started, or
      // starts again when the person left it to set a password.
      const pending = oidcReturnPath(request, this.respond.secure);
      const restart = pending ? null : this.appReturn.open(tenant.id, request);
      if (restart) {
        this.appReturn.clear(request, reply, tenant.settings.features.teamsTab);
        // A page that moves on by itself: browsers hold every redirect of a form submission to
        // the login page's form-action, which does not name the application.
        return this.respond.send(
          page,
          reply,
          200,
          `<!doctype html><html lang="${escapeHtml(page.locale)}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escapeHtml(restart)}"><title>${escapeHtml(tenant.name)}</title></head><body><p><a href="${escapeHtml(restart)}">${escapeHtml(tenant.name)}</a></p></body></html>`,
        );
      }
      this.respond.redirect(reply, pending ?? tenant.settings.postLoginUrl ?? '/account');
    } catch (error) {
      if (error instanceof UnauthorizedException)
        return this.sendLogin(page, request, reply, 401, { error: 'login.error' }, username);
      if (error instanceof TooManyRequestsException)
        return this.respond.rateLimited(page, reply, error);
      throw error;
    }
  }

  private sendLogin(
    page: PageRequest,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    variant: { notice?: MessageKey; error?: MessageKey },
    username?: string,
  ): void {
    const prefill = username ?? this.respond.rememberedUsername(request);
    const csrf = this.respond.csrfFor(page, request, reply);
    this.respond.send(page, reply, status, this.loginCache.get(page, variant, csrf, prefill));
  }
}
