import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import type { AdminView } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from '../../../platform/audit/audit-log.js';
import { requestMeta, type RequestMeta } from '../../../platform/request/request-meta.js';
import type { AdminTenant } from './tenant-access.guard.js';

/** Who acts through the admin API: the signed-in admin and where the request came from. */
export interface AdminActor {
  admin: AdminView;
  meta: RequestMeta;
}

/** The signed-in admin and the request's origin (after AdminAuthGuard). */
export const Actor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdminActor => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.admin) throw new Error('@Actor() needs AdminAuthGuard');
    return { admin: request.admin, meta: requestMeta(request) };
  },
);

/** The tenant of the route, checked by TenantAccessGuard. */
export const RouteTenant = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdminTenant => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.adminTenant) throw new Error('@RouteTenant() needs TenantAccessGuard');
    return request.adminTenant;
  },
);

/** The audit fields common to every admin action. */
export function adminAudit(
  actor: AdminActor,
  tenantId: TenantId | null,
  action: string,
): Pick<AuditEntry, 'tenantId' | 'action' | 'actorType' | 'actorId' | 'meta'> {
  return { tenantId, action, actorType: 'admin', actorId: actor.admin.id, meta: actor.meta };
}
