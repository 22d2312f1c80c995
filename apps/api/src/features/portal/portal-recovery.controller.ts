import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isWellFormedToken } from '@guichet/platform';
import { applyFloor, describePolicy, ruleMessage } from '@guichet/rules';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../platform/request/request-meta.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { CheckResetLink, type LinkState } from '../recovery/check-reset-link.usecase.js';
import {
  InvalidTokenException,
  PasswordPolicyException,
  ResetPassword,
} from '../recovery/reset-password.usecase.js';
import type { MessageKey } from './i18n/index.js';
import { readForm, resetPasswordForm } from './portal-forms.js';
import { PortalResponder } from './portal-responder.js';
import { type PageRequest, render, t } from './portal-views.js';
import { UsernameRequestPage } from './username-request-page.js';

const LINK_PROBLEMS = {
  invalid: ['link.invalid.title', 'link.invalid.body'],
  expired: ['link.expired.title', 'link.expired.body'],
  used: ['link.used.title', 'link.used.body'],
} as const;

/** « Mot de passe oublié ? » and the emailed link's page, which sets the password (reset or first one). */
@ApiExcludeController()
@Controller()
export class PortalRecoveryController {
  constructor(
    private readonly usernameRequest: UsernameRequestPage,
    private readonly resetPassword: ResetPassword,
    private readonly checkLink: CheckResetLink,
    private readonly respond: PortalResponder,
  ) {}

  @Get('forgot-password')
  forgotPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.usernameRequest.show(request, reply, 'forgot');
  }

  @Post('forgot-password')
  forgot(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.usernameRequest.submit(request, reply, 'forgot');
  }

  @Get('reset-password')
  async resetPage(
    @Req() request: FastifyRequest,
    @Query('token') token: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const keep = typeof token === 'string' && token.length <= 200 ? { token } : undefined;
    const page = this.respond.page(request, '/reset-password', keep);
    void reply.header('referrer-policy', 'no-referrer');
    const state = await this.checkLink.execute(page.tenant, token);
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
    const page = this.respond.page(request, '/reset-password', token ? { token } : undefined);
    void reply.header('referrer-policy', 'no-referrer');
    if (!this.respond.csrfValid(request)) return this.respond.csrfFailed(page, reply);
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
      await this.resetPassword.execute({ tenant, token, password, locale: page.locale, meta });
    } catch (error) {
      if (error instanceof PasswordPolicyException) {
        const body = error.getResponse() as { violations?: { message: string }[] };
        return this.sendResetForm(page, request, reply, 400, token, {
          passwordErrors: (body.violations ?? []).map((v) => v.message),
        });
      }
      if (error instanceof InvalidTokenException) {
        const state = await this.checkLink.execute(tenant, token);
        return this.linkProblem(page, reply, state === 'valid' ? 'invalid' : state);
      }
      if (error instanceof TooManyRequestsException)
        return this.respond.rateLimited(page, reply, error);
      throw error;
    }
    this.respond.redirect(reply, '/login?notice=password-changed');
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
    this.respond.send(
      page,
      reply,
      status,
      render('reset', page, 'reset.title', {
        csrf: this.respond.csrfFor(page, request, reply),
        token,
        rules,
        ...errors,
      }),
    );
  }

  /** An emailed link that cannot be used: what happened, and the way to a new one. */
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
    const [heading, body] = LINK_PROBLEMS[state];
    this.respond.message(page, reply, state === 'invalid' ? 400 : 410, {
      heading,
      body,
      alert: true,
      actionHref: again,
      actionLabel: 'link.new',
    });
  }
}
