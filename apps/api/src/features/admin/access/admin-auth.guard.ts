import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AdminAccountsRepository } from '@guichet/db';
import type { AdminView } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { ADMIN_AUDIENCE, TOKEN_VERSION_CLAIM } from './admin-tokens.js';
import { mayManage, TENANT_NOT_FOUND } from './tenant-access.guard.js';

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminView;
  }
}

const PLATFORM_ONLY = 'guichet:platform-only';
export const PlatformAdminOnly = () => SetMetadata(PLATFORM_ONLY, true);

const EXPIRED = {
  error: 'unauthorized',
  message: 'Your admin session has expired. Sign in again.',
};

/**
 * Bearer admin token (admin audience only: a portal token is refused here). The account is
 * read again on every request, so a disabled admin, a changed role or a withdrawn tenant
 * takes effect at once, not when the token expires — and so does a new password or the
 * second factor turned on, which raise the account's token version stamped in the token.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly admins: AdminAccountsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token)
      throw new UnauthorizedException({
        error: 'unauthorized',
        message: 'Sign in to the admin app.',
      });
    let adminId: string;
    let tokenVersion: number;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; [TOKEN_VERSION_CLAIM]?: unknown }>(
        token,
        { audience: ADMIN_AUDIENCE, algorithms: ['ES256'] },
      );
      if (typeof claims.sub !== 'string') throw new Error('no subject');
      adminId = claims.sub;
      // Tokens issued before versions existed carry none: version 0, ended by the first change.
      const version = claims[TOKEN_VERSION_CLAIM] ?? 0;
      if (typeof version !== 'number' || !Number.isSafeInteger(version))
        throw new Error('bad token version');
      tokenVersion = version;
    } catch {
      throw new UnauthorizedException(EXPIRED);
    }
    const admin = await this.admins.view(adminId, tokenVersion);
    if (!admin) throw new UnauthorizedException(EXPIRED);
    request.admin = admin;
    const platformOnly = this.reflector.getAllAndOverride<boolean>(PLATFORM_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (platformOnly && admin.role !== 'platform-admin') {
      // Another tenant's route is a 404 even here: a tenant admin learns nothing of other tenants.
      const tenantId = (request.params as Record<string, string | undefined>).tenantId;
      if (tenantId !== undefined && !mayManage(admin, tenantId))
        throw new NotFoundException(TENANT_NOT_FOUND);
      throw new ForbiddenException({
        error: 'forbidden',
        message: 'Only platform administrators may do this.',
      });
    }
    return true;
  }
}
