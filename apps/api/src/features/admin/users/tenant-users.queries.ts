import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminUserView, Page, userListQuerySchema } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { escapeLike, selectPage } from '../access/paged-query.js';
import { foldedSql } from './account.queries.js';
import { USER_NOT_FOUND, COLUMNS, toView, SEARCHABLE, findUser } from './tenant-users.shared.js';

/** The tenant's accounts, searched and filtered, a page at a time (username order). */
@Injectable()
export class TenantUsers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    tenantId: string,
    query: z.infer<typeof userListQuerySchema>,
  ): Promise<Page<AdminUserView>> {
    const where = ['tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (query.q) {
      // Case and accents ignored on both sides (« levesque » finds « Lévesque », and the other
      // way round); the searched fields are folded once per row, one per line so that a
      // match never spans two of them.
      params.push(`%${escapeLike(query.q)}%`);
      const p = `$${params.length}`;
      where.push(`${SEARCHABLE} LIKE ${foldedSql(p)}`);
    }
    switch (query.status) {
      case 'active':
      case 'disabled':
        params.push(query.status);
        where.push(`status = $${params.length}`);
        break;
      case 'locked':
        where.push('locked_until > now()');
        break;
      case 'enrolled':
        where.push('password_hash IS NOT NULL');
        break;
      case 'not-enrolled':
        where.push('password_hash IS NULL');
        break;
    }
    return selectPage(
      this.dataSource,
      { columns: COLUMNS, from: 'users', where: where.join(' AND '), orderBy: 'username' },
      params,
      query,
      toView,
    );
  }

  async get(tenantId: string, userId: string): Promise<AdminUserView> {
    const user = await findUser(this.dataSource, tenantId, userId);
    if (!user) throw new NotFoundException(USER_NOT_FOUND);
    return user;
  }
}
