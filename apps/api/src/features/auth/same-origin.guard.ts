import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Cookie-authenticated POSTs (refresh, logout) refuse a request whose Origin is another
 * site, on top of SameSite=Lax: a page elsewhere cannot use the portal's session.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    if (originHost(origin) !== request.host.toLowerCase()) {
      throw new ForbiddenException({
        error: 'forbidden_origin',
        message: 'This request must come from the portal itself.',
      });
    }
    return true;
  }
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
