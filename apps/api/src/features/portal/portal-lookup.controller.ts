import { Controller, ForbiddenException, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../../platform/request/request-meta.js';
import { TooManyRequestsException } from '../../platform/security/too-many-requests.exception.js';
import { LookupUsername } from '../lookup/lookup-username.usecase.js';
import { lookupForm, readForm } from './portal-forms.js';
import { PortalResponder } from './portal-responder.js';
import { type PageRequest, render } from './portal-views.js';

/** « Outil de recherche du compte unifié »: only where the tenant enables it, from its networks. */
@ApiExcludeController()
@Controller()
export class PortalLookupController {
  constructor(
    private readonly lookup: LookupUsername,
    private readonly respond: PortalResponder,
  ) {}

  @Get('lookup')
  lookupPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const page = this.respond.page(request, '/lookup');
    const availability = this.lookup.availability(page.tenant, requestMeta(request));
    if (availability === 'off') return this.respond.notFound(page, reply);
    if (availability === 'refused') return this.refused(page, reply);
    const csrf = this.respond.csrfFor(page, request, reply);
    this.respond.send(page, reply, 200, render('lookup', page, 'lookup.title', { csrf }));
  }

  @Post('lookup')
  async lookupSubmit(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const page = this.respond.page(request, '/lookup');
    const meta = requestMeta(request);
    if (this.lookup.availability(page.tenant, meta) === 'off')
      return this.respond.notFound(page, reply);
    if (!this.respond.csrfValid(request)) return this.respond.csrfFailed(page, reply);
    const form = readForm(request, lookupForm);
    const csrf = this.respond.csrfFor(page, request, reply);
    if (!form.ok)
      return this.respond.send(
        page,
        reply,
        400,
        render('lookup', page, 'lookup.title', { csrf, lastNameError: 'form.invalid-characters' }),
      );
    const { firstName, lastName } = form.data;
    const context = { firstName, lastName, csrf };
    if (!lastName)
      return this.respond.send(
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
        meta,
      });
      this.respond.send(
        page,
        reply,
        200,
        render('lookup', page, 'lookup.title', { ...context, searched: true, usernames }),
      );
    } catch (error) {
      if (error instanceof ForbiddenException) return this.refused(page, reply);
      if (error instanceof TooManyRequestsException)
        return this.respond.rateLimited(page, reply, error);
      throw error;
    }
  }

  private refused(page: PageRequest, reply: FastifyReply): void {
    this.respond.message(page, reply, 403, {
      heading: 'lookup.forbidden.title',
      body: 'lookup.forbidden.body',
      alert: true,
    });
  }
}
