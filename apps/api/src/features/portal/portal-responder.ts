import { type HttpException, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setCookies } from '../auth/auth.controller.js';
import {
  clearedCookie,
  type CookieNames,
  cookieNames,
  type CookieSpec,
} from '../auth/session-cookies.js';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import type { BackgroundBusyException } from '../../platform/request/background-busy.exception.js';
import { requestLocale } from '../../platform/request/request-meta.js';
import type { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { PortalCsrf } from './csrf.js';
import type { MessageKey } from './i18n/index.js';
import { type PageRequest, render } from './portal-views.js';

const TEAMS_ANCESTORS =
  'https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com';
const LANG_COOKIE_DAYS = 365;

/** A page with one message (and maybe a way on): the problem pages every flow may answer. */
interface MessagePage {
  heading: MessageKey;
  body: MessageKey;
  alert?: boolean;
  seconds?: number;
  actionHref?: string | null;
  actionLabel?: MessageKey;
}

/**
 * How every portal page answers: the page's tenant and language, the security and cache
 * headers with the tenant's CSP, the CSRF token, the portal's cookies and the shared problem
 * pages. The flow controllers decide what to show; this class alone writes the reply.
 */
@Injectable()
export class PortalResponder {
  readonly secure: boolean;
  private readonly csrf: PortalCsrf;
  private readonly cookies: CookieNames;
  /** The admin app's origin: it shows the portal's login page live while branding is edited. */
  private readonly frameAncestors: string;
  private readonly cspByTenant = new Map<string, string>();

  constructor(
    private readonly current: CurrentTenant,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.secure = config.secureCookies;
    this.frameAncestors = config.portalFrameAncestors.join(' ');
    this.csrf = new PortalCsrf(config.secureCookies);
    this.cookies = cookieNames(config.secureCookies);
  }

  page(request: FastifyRequest, path: string, keep?: Record<string, string>): PageRequest {
    const tenant = this.current.get(request);
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

  csrfFor(page: PageRequest, request: FastifyRequest, reply: FastifyReply): string {
    return this.csrf.issue(request, reply, page.tenant.settings.features.teamsTab);
  }

  csrfValid(request: FastifyRequest): boolean {
    return this.csrf.verify(request);
  }

  /** The portal session's token, from its cookie. */
  sessionToken(request: FastifyRequest): string | undefined {
    return request.cookies?.[this.cookies.session];
  }

  /** The username kept by « Se souvenir uniquement de mon nom », bounded. */
  rememberedUsername(request: FastifyRequest): string {
    const remembered = request.cookies?.[this.cookies.username];
    return typeof remembered === 'string' ? remembered.slice(0, 200) : '';
  }

  setCookies(reply: FastifyReply, cookies: CookieSpec[]): void {
    setCookies(reply, cookies);
  }

  /** Expired versions of the named cookies (the portal session's first). */
  cleared(page: PageRequest, names: string[] = []): CookieSpec[] {
    const embeddable = page.tenant.settings.features.teamsTab;
    return [this.cookies.session, ...names].map((name) =>
      clearedCookie(this.secure, name, embeddable),
    );
  }

  /** 303 to a path of the portal, never cached. */
  redirect(reply: FastifyReply, to: string): void {
    void reply.header('cache-control', 'no-store').redirect(to, 303);
  }

  /** Security and cache headers of every page, then the HTML. */
  send(page: PageRequest, reply: FastifyReply, status: number, html: string): void {
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

  /** A page with one message. */
  message(page: PageRequest, reply: FastifyReply, status: number, message: MessagePage): void {
    this.send(page, reply, status, render('message', page, message.heading, { ...message }));
  }

  csrfFailed(page: PageRequest, reply: FastifyReply): void {
    this.message(page, reply, 403, {
      heading: 'csrf.title',
      body: 'csrf.body',
      alert: true,
      actionHref: page.path,
      actionLabel: 'csrf.retry',
    });
  }

  notFound(page: PageRequest, reply: FastifyReply): void {
    this.message(page, reply, 404, { heading: 'notFound.title', body: 'notFound.body' });
  }

  /** The work after the reply is full: the same 503 page for every account. */
  busy(page: PageRequest, reply: FastifyReply, error: BackgroundBusyException): void {
    const seconds = Number(error.headers['retry-after']);
    void reply.header('retry-after', String(seconds));
    this.message(page, reply, 503, {
      heading: 'busy.title',
      body: 'busy.body',
      seconds,
      alert: true,
    });
  }

  rateLimited(page: PageRequest, reply: FastifyReply, error: HttpException): void {
    const seconds = Number((error as TooManyRequestsException).headers?.['retry-after'] ?? 60);
    void reply.header('retry-after', String(seconds));
    this.message(page, reply, 429, {
      heading: 'limited.title',
      body: 'limited.body',
      seconds,
      alert: true,
    });
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
}
