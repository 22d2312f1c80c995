import {
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashToken, isWellFormedToken } from '@guichet/platform';
import { applyFloor, describePolicy, ruleMessage } from '@guichet/rules';
import type { Remember } from '@guichet/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { setCookies } from '../auth/auth.controller.js';
import { clearedCookie, cookieNames, signInCookies } from '../auth/session-cookies.js';
import { Sessions } from '../auth/sessions.js';
import { SignIn } from '../auth/sign-in.usecase.js';
import { SignOut } from '../auth/sign-out.usecase.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { LookupUsername } from '../lookup/lookup-username.usecase.js';
import { AccountRequests } from '../../platform/outbox/account-requests.js';
import { OidcAppReturn } from '../oidc/oidc-app-return.js';
import { OIDC_SESSION_COOKIE, OidcProviders } from '../oidc/oidc-providers.js';
import { oidcReturnPath } from '../oidc/oidc-return.js';
import {
  InvalidTokenException,
  PasswordPolicyException,
  ResetPassword,
} from '../recovery/reset-password.usecase.js';
import { BackgroundBusyException } from '../../platform/request/background-busy.exception.js';
import { requestLocale, requestMeta } from '../../platform/request/request-meta.js';
import { ClientLimits } from '../../platform/security/client-limits.js';
import { isInNetworks } from '../../platform/security/networks.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { brandAssetPath } from '../branding/brand-asset-paths.js';
import { CSS_PATH, faviconSvg, JS_PATH, PORTAL_CSS, PORTAL_JS, themeCss } from './assets.js';
import { PortalCsrf } from './csrf.js';
import { escapeHtml } from './templates.js';
import {
  loginForm,
  lookupForm,
  readForm,
  resetPasswordForm,
  usernameForm,
} from './portal-forms.js';
import type { MessageKey } from './i18n/index.js';
import { LoginPageCache, type PageRequest, render, t, tenantText } from './portal-views.js';

const TEAMS_ANCESTORS =
  'https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com';
const NOTICES: Record<string, MessageKey> = {
  'password-changed': 'notice.password-changed',
  'signed-out': 'notice.signed-out',
};
const REMEMBER: readonly Remember[] = ['all', 'username', 'none'];
const LANG_COOKIE_DAYS = 365;

type LinkState = 'valid' | 'invalid' | 'expired' | 'used';

/**
 * The tenant portal: server-rendered pages for every flow, working without JavaScript. The
 * work is done by the identity use cases of the JSON API; this controller renders.
 */
@ApiExcludeController()
@Controller()
export class PortalController {
  private readonly csrf: PortalCsrf;
  private readonly secure: boolean;
  private readonly sessionCookie: string;
  /** The admin app's origin: it shows the portal's login page live while branding is edited. */
  private readonly frameAncestors: string;
  private readonly loginCache = new LoginPageCache();
  private readonly cspByTenant = new Map<string, string>();
  private readonly appReturn: OidcAppReturn;

  constructor(
    private readonly current: CurrentTenant,
    private readonly signIn: SignIn,
    private readonly signOut: SignOut,
    private readonly sessions: Sessions,
    private readonly resetPassword: ResetPassword,
    private readonly lookup: LookupUsername,
    private readonly limits: ClientLimits,
    private readonly requests: AccountRequests,
    private readonly providers: OidcProviders,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.secure = config.secureCookies;
    this.frameAncestors = config.portalFrameAncestors.join(' ');
    this.csrf = new PortalCsrf(config.secureCookies);
    this.sessionCookie = cookieNames(config.secureCookies).session;
    this.appReturn = new OidcAppReturn(config.secureCookies, config.DATA_ENCRYPTION_KEY);
  }

  // ---- assets -------------------------------------------------------------------------

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const path = `/assets/${file}`;
    const immutable = 'public, max-age=31536000, immutable';
    if (path === CSS_PATH)
      return void reply
        .type('text/css; charset=utf-8')
        .header('cache-control', immutable)
        .send(PORTAL_CSS);
    if (path === JS_PATH)
      return void reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', immutable)
        .send(PORTAL_JS);
    if (file === 'theme.css') {
      const { primaryColor, accentColor } = this.current.get().settings.branding;
      // The page links it with ?v={tenant version}: a change of branding is a new URL.
      return void reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=31536000')
        .send(themeCss(primaryColor, accentColor));
    }
    if (file === 'favicon.svg') {
      const tenant = this.current.get();
      return void reply
        .type('image/svg+xml')
        .header('cache-control', 'public, max-age=31536000')
        .send(faviconSvg(tenant.settings.branding.primaryColor, tenant.name));
    }
    this.notFound(this.page(reply.request, '/login'), reply);
  }

  /** Browsers ask for it whatever the page says. */
  @Get('favicon.ico')
  favicon(@Res() reply: FastifyReply): void {
    const uploaded = this.current.get().assets?.favicon;
    // Short-lived: the favicon may be uploaded or replaced at any time.
    void reply
      .header('cache-control', 'public, max-age=3600')
      .redirect(uploaded ? brandAssetPath('favicon', uploaded) : '/assets/favicon.svg', 302);
  }

  // ---- sign-in ------------------------------------------------------------------------

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
    const page = this.page(request, '/login');
    this.sendLogin(page, request, reply, 200, {
      notice:
        typeof notice === 'string' && Object.hasOwn(NOTICES, notice) ? NOTICES[notice] : undefined,
    });
  }

  @Post('login')
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.page(request, '/login');
    if (!this.csrf.verify(request)) return this.csrfFailed(page, reply);
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
      setCookies(
        reply,
        signInCookies(remember, {
          secure: this.secure,
          token: result.session.token,
          username: result.username,
          refreshDays: tenant.settings.tokenLifetimes.refreshDays,
          embeddable: tenant.settings.features.teamsTab,
        }),
      );
      // An application's sign-in request (OpenID Connect) continues where it started, or
      // starts again when the person left it to set a password.
      const pending = oidcReturnPath(request, this.secure);
      const restart = pending ? null : this.appReturn.open(tenant.id, request);
      if (restart) {
        this.appReturn.clear(request, reply, tenant.settings.features.teamsTab);
        // A page that moves on by itself: browsers hold every redirect of a form submission to
        // the login page's form-action, which does not name the application.
        return this.send(
          page,
          reply,
          200,
          `<!doctype html><html lang="${escapeHtml(page.locale)}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escapeHtml(restart)}"><title>${escapeHtml(tenant.name)}</title></head><body><p><a href="${escapeHtml(restart)}">${escapeHtml(tenant.name)}</a></p></body></html>`,
        );
      }
      void reply
        .header('cache-control', 'no-store')
        .redirect(pending ?? tenant.settings.postLoginUrl ?? '/account', 303);
    } catch (error) {
      if (error instanceof UnauthorizedException)
        return this.sendLogin(page, request, reply, 401, { error: 'login.error' }, username);
      if (error instanceof TooManyRequestsException) return this.rateLimited(page, reply, error);
      throw error;
    }
  }

  @Get('account')
  async account(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.page(request, '/account');
    const found = await this.sessions.userByToken(
      page.tenant.id,
      request.cookies?.[this.sessionCookie],
    );
    if (!found) return void reply.header('cache-control', 'no-store').redirect('/login', 303);
    const { user } = found;
    this.send(
      page,
      reply,
      200,
      render('account', page, 'account.title', {
        csrf: this.csrf.issue(request, reply, page.tenant.settings.features.teamsTab),
        displayName: `${user.firstName} ${user.lastName}`.trim() || user.username,
        accountUsername: user.username,
      }),
    );
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.page(request, '/login');
    if (!this.csrf.verify(request)) return this.csrfFailed(page, reply);
    await this.signOut.execute(
      page.tenant,
      { refreshToken: request.cookies?.[this.sessionCookie] },
      requestMeta(request),
    );
    // Signed out of the portal is signed out of the issuer too: no silent sign-in to an application next.
    const issuerSession = request.cookies?.[OIDC_SESSION_COOKIE];
    await this.providers.endSession(page.tenant, issuerSession);
    const embeddable = page.tenant.settings.features.teamsTab;
    const cleared = [clearedCookie(this.secure, this.sessionCookie, embeddable)];
    if (issuerSession !== undefined)
      cleared.push(
        clearedCookie(this.secure, OIDC_SESSION_COOKIE, embeddable),
        clearedCookie(this.secure, `${OIDC_SESSION_COOKIE}.sig`, embeddable),
      );
    setCookies(reply, cleared);
    void reply.header('cache-control', 'no-store').redirect('/login?notice=signed-out', 303);
  }

  // ---- forgot password and enrolment ---------------------------------------------------

  @Get('forgot-password')
  forgotPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const page = this.page(request, '/forgot-password');
    if (!page.tenant.settings.features.forgotPassword) return this.notFound(page, reply);
    this.sendUsernameForm(page, request, reply, 200, 'forgot');
  }

  @Post('forgot-password')
  forgot(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.usernameRequest(request, reply, 'forgot');
  }

  @Get('register')
  registerPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const page = this.page(request, '/register');
    if (!page.tenant.settings.features.enrolment) return this.notFound(page, reply);
    this.sendUsernameForm(page, request, reply, 200, 'register');
  }

  @Post('register')
  register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.usernameRequest(request, reply, 'register');
  }

  // ---- reset (and first password) -------------------------------------------------------

  @Get('reset-password')
  async resetPage(
    @Req() request: FastifyRequest,
    @Query('token') token: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const keep = typeof token === 'string' && token.length <= 200 ? { token } : undefined;
    const page = this.page(request, '/reset-password', keep);
    void reply.header('referrer-policy', 'no-referrer');
    const state = await this.linkState(page.tenant, token);
    if (state !== 'valid') return this.linkProblem(page, reply, state);
    this.sendResetForm(page, request, reply, 200, token as string, {});
  }

  @Post('reset-password')
  async reset(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Only the token can be refused (passwords take any character): a refused one is no link.
    const form = readForm(request, resetPasswordForm);
    const {
      token,
      password,
      passwordConfirmation: confirmation,
    } = form.ok ? form.data : { token: '', password: '', passwordConfirmation: '' };
    const page = this.page(request, '/reset-password', token ? { token } : undefined);
    void reply.header('referrer-policy', 'no-referrer');
    if (!this.csrf.verify(request)) return this.csrfFailed(page, reply);
    if (!isWellFormedToken(token)) return this.linkProblem(page, reply, 'invalid');
    if (!password)
      return this.sendResetForm(page, request, reply, 400, token, {
        passwordErrors: [t(page, 'reset.missing')],
      });
    if (password !== confirmation)
      return this.sendResetForm(page, request, reply, 400, token, {
        confirmationError: 'reset.mismatch',
      });
    const { tenant } = page;
    const meta = requestMeta(request);
    try {
      await this.limits.assertUnder('reset-ip', meta);
      await this.resetPassword.execute({ tenant, token, password, locale: page.locale, meta });
    } catch (error) {
      if (error instanceof PasswordPolicyException) {
        const body = error.getResponse() as { violations?: { message: string }[] };
        return this.sendResetForm(page, request, reply, 400, token, {
          passwordErrors: (body.violations ?? []).map((v) => v.message),
        });
      }
      if (error instanceof InvalidTokenException) {
        await this.limits.countFailure('reset-ip', tenant, meta);
        const state = await this.linkState(tenant, token);
        return this.linkProblem(page, reply, state === 'valid' ? 'invalid' : state);
      }
      if (error instanceof TooManyRequestsException) return this.rateLimited(page, reply, error);
      throw error;
    }
    void reply.header('cache-control', 'no-store').redirect('/login?notice=password-changed', 303);
  }

  // ---- username lookup ------------------------------------------------------------------

  @Get('lookup')
  lookupPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const page = this.page(request, '/lookup');
    const { settings } = page.tenant;
    if (!settings.features.lookup) return this.notFound(page, reply);
    if (!isInNetworks(requestMeta(request).ip, settings.allowedNetworks))
      return this.lookupRefused(page, reply);
    this.send(
      page,
      reply,
      200,
      render('lookup', page, 'lookup.title', { csrf: this.csrfFor(page, request, reply) }),
    );
  }

  @Post('lookup')
  async lookupSubmit(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.page(request, '/lookup');
    if (!page.tenant.settings.features.lookup) return this.notFound(page, reply);
    if (!this.csrf.verify(request)) return this.csrfFailed(page, reply);
    const form = readForm(request, lookupForm);
    if (!form.ok)
      return this.send(
        page,
        reply,
        400,
        render('lookup', page, 'lookup.title', {
          csrf: this.csrfFor(page, request, reply),
          lastNameError: 'form.invalid-characters',
        }),
      );
    const { firstName, lastName } = form.data;
    const context = { firstName, lastName, csrf: this.csrfFor(page, request, reply) };
    if (!lastName)
      return this.send(
        page,
        reply,
        400,
        render('lookup', page, 'lookup.title', { ...context, lastNameError: 'lookup.missing' }),
      );
    try {
      const { usernames } = await this.lookup.execute({
        tenant: page.tenant,
        firstName,
        lastName,
        meta: requestMeta(request),
      });
      this.send(
        page,
        reply,
        200,
        render('lookup', page, 'lookup.title', { ...context, searched: true, usernames }),
      );
    } catch (error) {
      if (error instanceof ForbiddenException) return this.lookupRefused(page, reply);
      if (error instanceof TooManyRequestsException) return this.rateLimited(page, reply, error);
      throw error;
    }
  }

  // ---- helpers --------------------------------------------------------------------------

  private page(request: FastifyRequest, path: string, keep?: Record<string, string>): PageRequest {
    const tenant = this.current.get();
    const locale = requestLocale(request, tenant);
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    // A language chosen with ?lang= is kept in the `lang` cookie for the next pages.
    return {
      tenant,
      locale,
      path,
      keep,
      langChosen: asked === locale && request.cookies?.lang !== locale,
    };
  }

  private csrfFor(page: PageRequest, request: FastifyRequest, reply: FastifyReply): string {
    return this.csrf.issue(request, reply, page.tenant.settings.features.teamsTab);
  }

  /** Security and cache headers of every page, then the HTML. */
  private send(page: PageRequest, reply: FastifyReply, status: number, html: string): void {
    const { tenant } = page;
    const teams = tenant.settings.features.teamsTab;
    void reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', this.contentSecurityPolicy(tenant))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('content-language', page.locale);
    // Browsers that know CSP obey frame-ancestors and ignore this; older ones get no framing at all.
    if (!teams) void reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) void reply.header('referrer-policy', 'same-origin');
    if (page.langChosen) {
      void reply.setCookie('lang', page.locale, {
        path: '/',
        httpOnly: true,
        secure: this.secure,
        sameSite: 'lax',
        maxAge: LANG_COOKIE_DAYS * 86_400,
      });
    }
    void reply.send(html);
  }

  /** The tenant's CSP, built once per tenant version (every page sends it). */
  private contentSecurityPolicy(tenant: TenantContext): string {
    const key = `${tenant.id}:${tenant.version}`;
    let csp = this.cspByTenant.get(key);
    if (!csp) {
      const post = tenant.settings.postLoginUrl;
      const formTargets = ["'self'"];
      if (post && /^https?:\/\//.test(post)) formTargets.push(new URL(post).origin);
      const ancestors = tenant.settings.features.teamsTab
        ? `'self' ${TEAMS_ANCESTORS} ${this.frameAncestors}`
        : this.frameAncestors;
      csp = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' https: data:",
        "connect-src 'self'",
        `form-action ${formTargets.join(' ')}`,
        "base-uri 'none'",
        `frame-ancestors ${ancestors}`,
      ].join('; ');
      if (this.cspByTenant.size >= 1000) this.cspByTenant.clear();
      this.cspByTenant.set(key, csp);
    }
    return csp;
  }

  private sendLogin(
    page: PageRequest,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    variant: { notice?: MessageKey; error?: MessageKey },
    username?: string,
  ): void {
    const remembered = request.cookies?.[cookieNames(this.secure).username];
    const prefill = username ?? (typeof remembered === 'string' ? remembered.slice(0, 200) : '');
    const html = this.loginCache.get(page, variant, this.csrfFor(page, request, reply), prefill);
    this.send(page, reply, status, html);
  }

  private sendUsernameForm(
    page: PageRequest,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    kind: 'forgot' | 'register',
    error?: MessageKey,
    username = '',
  ): void {
    const hint = tenantText(page.tenant, page.locale, 'usernameHint');
    const heading: MessageKey = kind === 'forgot' ? 'forgot.title' : 'register.title';
    this.send(
      page,
      reply,
      status,
      render('usernameRequest', page, heading, {
        heading,
        intro: kind === 'forgot' ? 'forgot.intro' : 'register.intro',
        action: kind === 'forgot' ? '/forgot-password' : '/register',
        csrf: this.csrfFor(page, request, reply),
        username,
        placeholder: true,
        usernameHint: hint,
        usernameError: error,
        usernameDescribedBy:
          [hint ? 'username-hint' : null, error ? 'username-error' : null]
            .filter(Boolean)
            .join(' ') || undefined,
      }),
    );
  }

  private async usernameRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'forgot' | 'register',
  ): Promise<void> {
    const page = this.page(request, kind === 'forgot' ? '/forgot-password' : '/register');
    const { tenant } = page;
    if (
      !(kind === 'forgot'
        ? tenant.settings.features.forgotPassword
        : tenant.settings.features.enrolment)
    )
      return this.notFound(page, reply);
    if (!this.csrf.verify(request)) return this.csrfFailed(page, reply);
    const form = readForm(request, usernameForm);
    if (!form.ok)
      return this.sendUsernameForm(page, request, reply, 400, kind, 'form.invalid-characters');
    const { username } = form.data;
    if (!username)
      return this.sendUsernameForm(page, request, reply, 400, kind, 'username.missing');
    const meta = requestMeta(request);
    try {
      await this.limits.consume('recovery-ip', tenant, meta);
    } catch (error) {
      if (error instanceof TooManyRequestsException) return this.rateLimited(page, reply, error);
      throw error;
    }
    const input = { tenant, username, locale: page.locale, meta };
    // As the JSON API: the work runs once the reply is out, so nothing in it shows whether the account exists.
    try {
      await this.requests.accept(reply, kind === 'forgot' ? 'forgot-password' : 'enrolment', input);
    } catch (error) {
      if (error instanceof BackgroundBusyException) return this.busy(page, reply, error);
      throw error;
    }
    // Asked from an application's sign-in: it is kept as long as the link lasts (the same for every account).
    const app = this.appReturn.open(tenant.id, request);
    if (app) {
      const minutes =
        kind === 'forgot'
          ? tenant.settings.tokenLifetimes.resetMinutes
          : tenant.settings.tokenLifetimes.enrolmentMinutes;
      this.appReturn.set(
        reply,
        this.appReturn.seal(tenant.id, app),
        minutes * 60,
        tenant.settings.features.teamsTab,
      );
    }
    this.send(page, reply, 200, render('sent', page, 'sent.title'));
  }

  private sendResetForm(
    page: PageRequest,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    token: string,
    errors: { passwordErrors?: string[]; confirmationError?: MessageKey },
  ): void {
    const policy = applyFloor(page.tenant.settings.passwordPolicy);
    const rules = describePolicy(policy).map((item) => {
      const param =
        item.code === 'min_length' || item.code === 'max_length'
          ? Object.values(item.params ?? {})[0]
          : undefined;
      return { code: item.code, param, text: ruleMessage(item, page.locale) };
    });
    this.send(
      page,
      reply,
      status,
      render('reset', page, 'reset.title', {
        csrf: this.csrfFor(page, request, reply),
        token,
        rules,
        ...errors,
      }),
    );
  }

  /** Whether an emailed link can still be used (what the page says when it cannot). */
  private async linkState(tenant: TenantContext, token: unknown): Promise<LinkState> {
    if (!isWellFormedToken(token)) return 'invalid';
    const [row] = await this.dataSource.query<{ used: boolean; expired: boolean }[]>(
      `SELECT consumed_at IS NOT NULL AS used, (voided_at IS NOT NULL OR expires_at <= now()) AS expired
         FROM action_tokens WHERE tenant_id = $1 AND token_hash = $2`,
      [tenant.id, hashToken(token)],
    );
    if (!row) return 'invalid';
    return row.used ? 'used' : row.expired ? 'expired' : 'valid';
  }

  private linkProblem(
    page: PageRequest,
    reply: FastifyReply,
    state: Exclude<LinkState, 'valid'>,
  ): void {
    const { features } = page.tenant.settings;
    const again = features.forgotPassword
      ? '/forgot-password'
      : features.enrolment
        ? '/register'
        : null;
    const keys = {
      invalid: ['link.invalid.title', 'link.invalid.body'],
      expired: ['link.expired.title', 'link.expired.body'],
      used: ['link.used.title', 'link.used.body'],
    } as const;
    const [heading, body] = keys[state];
    this.send(
      page,
      reply,
      state === 'invalid' ? 400 : 410,
      render('message', page, heading, {
        heading,
        body,
        alert: true,
        actionHref: again,
        actionLabel: 'link.new',
      }),
    );
  }

  private lookupRefused(page: PageRequest, reply: FastifyReply): void {
    this.send(
      page,
      reply,
      403,
      render('message', page, 'lookup.forbidden.title', {
        heading: 'lookup.forbidden.title',
        body: 'lookup.forbidden.body',
        alert: true,
      }),
    );
  }

  private csrfFailed(page: PageRequest, reply: FastifyReply): void {
    this.send(
      page,
      reply,
      403,
      render('message', page, 'csrf.title', {
        heading: 'csrf.title',
        body: 'csrf.body',
        alert: true,
        actionHref: page.path,
        actionLabel: 'csrf.retry',
      }),
    );
  }

  private notFound(page: PageRequest, reply: FastifyReply): void {
    this.send(
      page,
      reply,
      404,
      render('message', page, 'notFound.title', {
        heading: 'notFound.title',
        body: 'notFound.body',
      }),
    );
  }

  /** The work after the reply is full: the same 503 page for every account. */
  private busy(page: PageRequest, reply: FastifyReply, error: BackgroundBusyException): void {
    const seconds = Number(error.headers['retry-after']);
    void reply.header('retry-after', String(seconds));
    this.send(
      page,
      reply,
      503,
      render('message', page, 'busy.title', {
        heading: 'busy.title',
        body: 'busy.body',
        seconds,
        alert: true,
      }),
    );
  }

  private rateLimited(page: PageRequest, reply: FastifyReply, error: HttpException): void {
    const seconds = Number((error as TooManyRequestsException).headers?.['retry-after'] ?? 60);
    void reply.header('retry-after', String(seconds));
    this.send(
      page,
      reply,
      429,
      render('message', page, 'limited.title', {
        heading: 'limited.title',
        body: 'limited.body',
        seconds,
        alert: true,
      }),
    );
  }
}
