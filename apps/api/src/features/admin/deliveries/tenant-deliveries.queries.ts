import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DeliveryView, type deliveryListQuerySchema, type Page } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { escapeLike, selectPage } from '../access/paged-query.js';
import { COLUMNS, toView } from './deliveries.shared.js';

/** The tenant's email deliveries, newest first. */
@Injectable()
export class TenantDeliveries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    tenantId: string,
    query: z.infer<typeof deliveryListQuerySchema>,
  ): Promise<Page<DeliveryView>> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.kind) where.push(`kind = $${params.push(query.kind)}`);
    if (query.q)
      where.push(`lower(recipient) LIKE $${params.push(`%${escapeLike(query.q.toLowerCase())}%`)}`);
    return selectPage(
      this.dataSource,
      {
        columns: COLUMNS,
        from: 'email_deliveries',
        where: where.join(' AND '),
        orderBy: 'created_at DESC, id',
      },
      params,
      query,
      toView,
    );
  }
}
