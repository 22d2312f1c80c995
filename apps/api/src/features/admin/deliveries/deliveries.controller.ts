import { Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { deliveryListQuerySchema, type DeliveryView, type Page } from '@guichet/types';
import type { z } from 'zod';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import { TenantDeliveries } from './deliveries.queries.js';
import { DELIVERY_NOT_FOUND } from './deliveries.shared.js';
import { RetryDelivery } from './retry-delivery.usecase.js';
import { IdParam } from '../access/id-param.pipe.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { TenantAdminController } from '../access/admin-controller.js';

/** The tenant's email deliveries (the outbox): filters, and "retry" for failed ones. */
@TenantAdminController('deliveries')
export class DeliveriesController {
  constructor(
    private readonly deliveries: TenantDeliveries,
    private readonly retryDelivery: RetryDelivery,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Email deliveries, newest first, filtered by status, kind and recipient (never a token)',
  })
  list(
    @RouteTenant() tenant: AdminTenant,
    @Query(new ZodValidationPipe(deliveryListQuerySchema))
    query: z.infer<typeof deliveryListQuerySchema>,
  ): Promise<Page<DeliveryView>> {
    return this.deliveries.list(tenant.id, query);
  }

  @Post(':deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queues a failed delivery again (409 unless failed, or when its link is no longer valid); audited',
  })
  retry(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Param('deliveryId', new IdParam(DELIVERY_NOT_FOUND)) deliveryId: string,
  ): Promise<DeliveryView> {
    return this.retryDelivery.execute(actor, tenant.id, deliveryId);
  }
}
