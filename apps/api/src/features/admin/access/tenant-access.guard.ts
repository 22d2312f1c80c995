import {
  BadRequestException,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { type TenantId, TenantsRepository } from '@guichet/db';
import type { AdminView } from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The tenant of an admin route (`:tenantId`), once the admin may act on it. */
export interface AdminTenant {
  /** Branded here, once the admin's access to the tenant is checked. */
  id: TenantId;
  slug: string;
  name: string;
  publicUrl: string;
  status: 'active' | 'disabled';
}

declare module 'fastify' {
  interface FastifyRequest {
    adminTenant?: AdminTenant;
  }
}

export const TENANT_NOT_FOUND = { error: 'not_found', message: 'No tenant has this id.' };

/** Whether the admin may act on the tenant: a platform admin on every one, a tenant admin on its own. */
export function mayManage(admin: AdminView, tenantId: string): boolean {
  return admin.role === 'platform-admin' || admin.tenantIds.includes(tenantId);
}

/**
 * Runs after AdminAuthGuard on every route with `:tenantId`: a tenant the admin may not
 * manage answers exactly like a tenant that does not exist (404), so nothing tells a tenant
 * admin which other tenants there are.
 */
@Injectable()
export class TenantAccessGuard implements CanActivate {
  constructor(private readonly tenants: TenantsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const tenantId = (request.params as Record<string, string | undefined>).tenantId;
    const admin = request.admin;
    if (!admin) throw new Error('TenantAccessGuard runs after AdminAuthGuard');
    if (tenantId === undefined)
      throw new Error('TenantAccessGuard needs a :tenantId route parameter');
    if (!z.uuid().safeParse(tenantId).success)
      throw new BadRequestException({
        error: 'invalid_tenant_id',
        message: 'The tenant id must be a UUID.',
      });
    if (!mayManage(admin, tenantId)) throw new NotFoundException(TENANT_NOT_FOUND);
    const tenant = await this.tenants.row(tenantId);
    if (!tenant) throw new NotFoundException(TENANT_NOT_FOUND);
    request.adminTenant = tenant;
    return true;
  }
}
