import { Injectable } from '@nestjs/common';
import { EmailDeliveriesRepository, type TenantId } from '@guichet/db';
import type { DeliveryView, deliveryListQuerySchema, Page } from '@guichet/types';
import type { z } from 'zod';
import { pageOf } from '../../../platform/common/page.js';
import { toView } from './deliveries.shared.js';

/** The tenant's email deliveries, newest first. */
@Injectable()
export class TenantDeliveries {
  constructor(private readonly deliveries: EmailDeliveriesRepository) {}

  async list(
    tenantId: TenantId,
    query: z.infer<typeof deliveryListQuerySchema>,
  ): Promise<Page<DeliveryView>> {
    return pageOf(await this.deliveries.page(tenantId, query), query, toView);
  }
}
