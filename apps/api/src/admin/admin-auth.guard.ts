import { type CanActivate, type ExecutionContext, Injectable, SetMetadata, UnauthorizedException, ForbiddenException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AdminView } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { ADMIN_AUDIENCE } from './admin-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminView;
  }
}

const PLATFORM_ONLY = 'guichet:platform-only';
export const PlatformAdminOnly = () => SetMetadata(PLATFORM_ONLY, true);

/** Bearer admin token (admin audience only: a portal token is refused here). */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token) throw new UnauthorizedException({ error: 'unauthorized', message: 'Sign in to the admin app.' });
    try {
      const claims = await this.jwt.verifyAsync<{ sub: string; email: string; role: AdminView['role']; tenants: string[] }>(token, {
        audience: ADMIN_AUDIENCE,
        algorithms: ['ES256'],
      });
      request.admin = { id: claims.sub, email: claims.email, role: claims.role, tenantIds: claims.tenants };
    } catch {
      throw new UnauthorizedException({ error: 'unauthorized', message: 'Your admin session has expired. Sign in again.' });
    }
    const platformOnly = this.reflector.getAllAndOverride<boolean>(PLATFORM_ONLY, [context.getHandler(), context.getClass()]);
    if (platformOnly && request.admin.role !== 'platform-admin') {
      throw new ForbiddenException({ error: 'forbidden', message: 'Only platform administrators may do this.' });
    }
    return true;
  }
}
