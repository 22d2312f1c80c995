import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UsernameRequestPage } from './username-request-page.js';

/** « M'inscrire au service »: the enrolment link is emailed; its page is the reset page's. */
@ApiExcludeController()
@Controller()
export class PortalEnrolmentController {
  constructor(private readonly usernameRequest: UsernameRequestPage) {}

  @Get('register')
  registerPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    this.usernameRequest.show(request, reply, 'register');
  }

  @Post('register')
  register(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.usernameRequest.submit(request, reply, 'register');
  }
}
