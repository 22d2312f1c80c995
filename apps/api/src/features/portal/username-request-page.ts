import { ForbiddenException, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BackgroundBusyException } from '../../platform/request/background-busy.exception.js';
import { requestMeta } from '../../platform/request/request-meta.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { OidcAppReturn } from '../oidc/oidc-app-return.js';
import { RequestAccountLink } from '../recovery/request-account-link.usecase.js';
import type { MessageKey } from './i18n/index.js';
import { readForm, usernameForm } from './portal-forms.js';
import { PortalResponder } from './portal-responder.js';
import { type PageRequest, render, tenantText } from './portal-views.js';

export type UsernameRequestKind = 'forgot' | 'register';

const FLOWS = {
  forgot: {
    path: '/forgot-password',
    request: 'forgot-password',
    heading: 'forgot.title',
    intro: 'forgot.intro',
  },
  register: {
    path: '/register',
    request: 'enrolment',
    heading: 'register.title',
    intro: 'register.intro',
  },
} as const;

/**
 * The page that asks for a username and emails a link — « Mot de passe oublié ? » and
 * « M'inscrire au service » are the same page with other words — and its submission.
 */
@Injectable()
export class UsernameRequestPage {
  constructor(
    private readonly requestLink: RequestAccountLink,
    private readonly respond: PortalResponder,
    private readonly appReturn: OidcAppReturn,
  ) {}

  show(request: FastifyRequest, reply: FastifyReply, kind: UsernameRequestKind): void {
    const page = this.respond.page(request, FLOWS[kind].path);
    if (!this.requestLink.offered(page.tenant, FLOWS[kind].request))
      return this.respond.notFound(page, reply);
    this.sendForm(page, request, reply, 200, kind);
  }

  async submit(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: UsernameRequestKind,
  ): Promise<void> {
    const page = this.respond.page(request, FLOWS[kind].path);
    const { tenant } = page;
    if (!this.requestLink.offered(tenant, FLOWS[kind].request))
      return this.respond.notFound(page, reply);
    if (!this.respond.csrfValid(request)) return this.respond.csrfFailed(page, reply);
    const form = readForm(request, usernameForm);
    if (!form.ok) return this.sendForm(page, request, reply, 400, kind, 'form.invalid-characters');
    const { username } = form.data;
    if (!username) return this.sendForm(page, request, reply, 400, kind, 'username.missing');
    // As the JSON API: the work runs once the reply is out, so nothing in it shows whether the account exists.
    const input = { tenant, username, locale: page.locale, meta: requestMeta(request) };
    try {
      await this.requestLink.execute(reply, FLOWS[kind].request, input);
    } catch (error) {
      if (error instanceof TooManyRequestsException)
        return this.respond.rateLimited(page, reply, error);
      if (error instanceof BackgroundBusyException) return this.respond.busy(page, reply, error);
      if (error instanceof ForbiddenException) return this.respond.notFound(page, reply);
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
    this.respond.send(page, reply, 200, render('sent', page, 'sent.title'));
  }

  private sendForm(
    page: PageRequest,
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    kind: UsernameRequestKind,
    error?: MessageKey,
    username = '',
  ): void {
    const hint = tenantText(page.tenant, page.locale, 'usernameHint');
    const { heading, intro, path } = FLOWS[kind];
    this.respond.send(
      page,
      reply,
      status,
      render('usernameRequest', page, heading, {
        heading,
        intro,
        action: path,
        csrf: this.respond.csrfFor(page, request, reply),
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
}
