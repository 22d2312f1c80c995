import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { default as Provider, InteractionResults } from 'oidc-provider';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { PortalSessionCookie } from '../auth/portal-session-cookie.js';
import { cookieAttributes } from '../auth/session-cookies.js';
import { Sessions } from '../auth/sessions.js';
import { PortalCsrf } from '../portal/csrf.js';
import { escapeHtml } from '../portal/templates.js';
import { requestLocale, requestMeta } from '../../platform/request/request-meta.js';
import { CurrentTenant } from '../../platform/tenancy/current-tenant.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { consentPage, messagePage, oidcPage, oidcPageCsp, originsOf } from './oidc-pages.js';
import { OidcProviders } from './oidc-providers.js';
import { APP_RETURN_PENDING_SECONDS, OidcAppReturn } from './oidc-app-return.js';
import { isInteractionUid, oidcReturnCookie } from './oidc-return.js';
import { INTERACTION_PREFIX } from './oidc-routes.js';

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Prompt reasons that ask for a sign-in now, not an earlier portal session. */
const FRESH_LOGIN_REASONS = ['login_prompt', 'max_age'];

/**
 * The portal's side of an authorization request (the interaction): the sign-in is the
 * portal's own /login, with its texts, limits and lockout; an earlier portal session is
 * single sign-on. Applications that are not first-party get a consent page.
 */
@ApiExcludeController()
@Controller('oidc/interaction')
export class OidcInteractionController {
  private readonly csrf: PortalCsrf;
  private readonly returnCookie: string;

  constructor(
    private readonly current: CurrentTenant,
    private readonly providers: OidcProviders,
    private readonly sessions: Sessions,
    private readonly audit: AuditLog,
    private readonly cookie: PortalSessionCookie,
    private readonly appReturn: OidcAppReturn,
  ) {
    this.csrf = new PortalCsrf(cookie.secure);
    this.returnCookie = oidcReturnCookie(cookie.secure);
  }

  @Get(':uid')
  async show(
    @Param('uid') uid: string,
    @Query('continue') resumed: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { tenant, provider, details } = await this.interaction(request, reply, uid);
    if (!details) {
      // Gone while the person set a password (forgot password, enrolment): the application's request starts again.
      const restart = this.appReturn.open(tenant.id, request);
      this.appReturn.clear(request, reply, tenant.settings.features.teamsTab);
      if (restart) return void reply.header('cache-control', 'no-store').redirect(restart, 303);
      return this.expired(tenant, request, reply);
    }

    if (details.prompt.name === 'login') {
      const signedIn = await this.portalSignIn(tenant, request);
      // Signed in on the form just now: back from the portal's login, with a session started after the
      // request arrived (iat has a one-second grain; API and PostgreSQL clocks kept in sync).
      const fresh = signedIn && resumed === '1' && signedIn.startedAt >= details.iat;
      const needsFresh = details.prompt.reasons.some((r) => FRESH_LOGIN_REASONS.includes(r));
      if (signedIn && (fresh || !needsFresh)) {
        const returnTo = await provider.interactionResult(request.raw, reply.raw, {
          // « Se souvenir de moi » keeps the issuer's session across browser restarts; the other choices do not.
          login: {
            accountId: signedIn.userId,
            remember: signedIn.persistent,
            ts: signedIn.startedAt,
          },
        });
        this.appReturn.clear(request, reply, tenant.settings.features.teamsTab);
        return this.continueTo(tenant, reply, returnTo, resumed === '1', details);
      }
      void reply.setCookie(this.returnCookie, uid, {
        ...cookieAttributes(this.cookie.secure, tenant.settings.features.teamsTab),
        maxAge: 600,
      });
      const replay = OidcAppReturn.authorizationPath(details.params);
      if (replay)
        this.appReturn.set(
          reply,
          this.appReturn.seal(tenant.id, replay),
          APP_RETURN_PENDING_SECONDS,
          tenant.settings.features.teamsTab,
        );
      const lang = (request.query as Record<string, unknown>)?.lang;
      return void reply
        .header('cache-control', 'no-store')
        .redirect(
          typeof lang === 'string' && /^[a-z]{2}$/.test(lang) ? `/login?lang=${lang}` : '/login',
          303,
        );
    }

    if (details.prompt.name === 'consent') {
      const client = await this.providers.clients.find(tenant.id, details.params.client_id);
      if (!client) return this.expired(tenant, request, reply);
      if (client.firstParty) {
        const returnTo = await provider.interactionResult(request.raw, reply.raw, {
          consent: await this.grant(provider, details),
        });
        return this.continueTo(tenant, reply, returnTo, resumed === '1', details);
      }
      const page = oidcPage(tenant, requestLocale(request, tenant), `${INTERACTION_PREFIX}${uid}`);
      const scopes = String(details.params.scope ?? '').split(' ');
      const html = consentPage(page, {
        clientName: client.name,
        scopes,
        action: `${INTERACTION_PREFIX}${uid}/consent`,
        csrf: this.csrf.issue(request, reply),
      });
      return this.sendHtml(reply, 200, page.locale, html, originsOf(details.params.redirect_uri));
    }
    return this.expired(tenant, request, reply);
  }

  @Post(':uid/consent')
  async consent(
    @Param('uid') uid: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { tenant, provider, details } = await this.interaction(request, reply, uid);
    if (!details || details.prompt.name !== 'consent' || !this.csrf.verify(request))
      return this.expired(tenant, request, reply, 403);
    const decision = (request.body as Record<string, unknown> | undefined)?.decision;
    const accountId = details.session?.accountId;
    let result: InteractionResults;
    if (decision === 'allow') {
      result = { consent: await this.grant(provider, details) };
    } else {
      result = {
        error: 'access_denied',
        error_description: 'The user refused the application access.',
      };
    }
    await this.audit.record({
      tenantId: tenant.id,
      action: decision === 'allow' ? 'oidc.consent.granted' : 'oidc.consent.refused',
      actorType: 'user',
      actorId: accountId ?? null,
      targetType: 'oidc_client',
      targetId: String(details.params.client_id),
      details: { scope: String(details.params.scope ?? '') },
      meta: requestMeta(request),
    });
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: true,
    });
    void reply.header('cache-control', 'no-store').redirect(returnTo, 303);
  }

  /** The pending interaction of this browser, if it is the one in the path. */
  /** The request's tenant, its provider, and the interaction `uid` names (null when gone or not this one). */
  private async interaction(request: FastifyRequest, reply: FastifyReply, uid: string) {
    const tenant = this.current.get(request);
    const provider = await this.providers.get(tenant);
    return { tenant, provider, details: await this.details(provider, request, reply, uid) };
  }

  private async details(
    provider: Provider,
    request: FastifyRequest,
    reply: FastifyReply,
    uid: string,
  ): Promise<Details | null> {
    if (request.cookies?.[this.returnCookie])
      void reply.clearCookie(
        this.returnCookie,
        cookieAttributes(this.cookie.secure, this.current.get(request).settings.features.teamsTab),
      );
    if (!isInteractionUid(uid)) return null;
    try {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return details.uid === uid ? details : null;
    } catch {
      return null;
    }
  }

  /** The account of the browser's portal session, and whether that session outlives the browser. */
  private async portalSignIn(
    tenant: TenantContext,
    request: FastifyRequest,
  ): Promise<{ userId: string; persistent: boolean; startedAt: number } | null> {
    const found = await this.sessions.userByToken(tenant.id, this.cookie.read(request));
    if (!found) return null;
    const family = await this.sessions.family(tenant.id, found.familyId);
    return {
      userId: found.user.id,
      persistent: family?.persistent ?? false,
      startedAt: Number(family?.startedAt ?? 0),
    };
  }

  /** Grants what the request asks (scopes and claims) and returns the consent result. */
  private async grant(provider: Provider, details: Details): Promise<{ grantId?: string }> {
    const accountId = details.session!.accountId;
    const clientId = String(details.params.client_id);
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId, clientId });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return details.grantId ? {} : { grantId };
  }

  /**
   * After the portal's login form, the browser is still in a form submission: browsers
   * check every redirect of it against the login page's form-action, which does not name the
   * application. A page that moves on by itself ends that submission.
   */
  private continueTo(
    tenant: TenantContext,
    reply: FastifyReply,
    returnTo: string,
    fromForm: boolean,
    details: Details,
  ): void {
    if (!fromForm) return void reply.header('cache-control', 'no-store').redirect(returnTo, 303);
    const url = escapeHtml(returnTo);
    const html = `<!doctype html><html lang="${escapeHtml(tenant.settings.defaultLocale)}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${url}"><title>${escapeHtml(tenant.name)}</title></head><body><p><a href="${url}">${escapeHtml(tenant.name)}</a></p></body></html>`;
    this.sendHtml(
      reply,
      200,
      tenant.settings.defaultLocale,
      html,
      originsOf(details.params.redirect_uri),
    );
  }

  private expired(
    tenant: TenantContext,
    request: FastifyRequest,
    reply: FastifyReply,
    status = 400,
  ): void {
    const page = oidcPage(tenant, requestLocale(request, tenant), '/login');
    this.sendHtml(
      reply,
      status,
      page.locale,
      messagePage(page, 'oidc.expired.title', 'oidc.expired.body'),
    );
  }

  private sendHtml(
    reply: FastifyReply,
    status: number,
    locale: string,
    html: string,
    formTargets: string[] = [],
  ): void {
    void reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', oidcPageCsp(formTargets))
      .header('x-content-type-options', 'nosniff')
      .header('x-frame-options', 'DENY')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('content-language', locale)
      .send(html);
  }
}
