import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { OnHosts } from '../../../platform/tenancy/host.js';
import { AdminAuthGuard, PlatformAdminOnly } from './admin-auth.guard.js';
import { TenantAccessGuard } from './tenant-access.guard.js';

const ADMIN_API = 'api/v1/admin';

/** The decorators every admin API controller carries: admin host, `api/v1/admin/…`, an admin bearer token. */
function adminApi(path: string, ...more: ClassDecorator[]) {
  return applyDecorators(
    ApiTags('admin'),
    OnHosts('admin'),
    Controller(path ? `${ADMIN_API}/${path}` : ADMIN_API),
    ...more,
    ApiBearerAuth(),
  );
}

/** An admin API controller any signed-in admin reaches (each route checks what it needs). */
export const AdminApiController = (path: string) => adminApi(path, UseGuards(AdminAuthGuard));

/** An admin API controller for platform admins only. */
export const PlatformAdminController = (path = '') =>
  adminApi(path, UseGuards(AdminAuthGuard), PlatformAdminOnly());

/** An admin API controller under `tenants/:tenantId`, for the admins that manage that tenant. */
export const TenantAdminController = (path = '') =>
  adminApi(
    path ? `tenants/:tenantId/${path}` : 'tenants/:tenantId',
    UseGuards(AdminAuthGuard, TenantAccessGuard),
  );
