import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantId, UsersRepository } from '@guichet/db';
import type { AdminUserView, Page, userListQuerySchema } from '@guichet/types';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { pageOf } from '../../../platform/common/page.js';
import { findUser, toView, USER_NOT_FOUND } from './tenant-users.shared.js';

/** The tenant's accounts, searched and filtered, a page at a time (username order). */
@Injectable()
export class TenantUsers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
  ) {}

  async list(
    tenantId: TenantId,
    query: z.infer<typeof userListQuerySchema>,
  ): Promise<Page<AdminUserView>> {
    // Case and accents ignored on both sides (« levesque » finds « Lévesque », and the other way round).
    return pageOf(await this.users.adminPage(tenantId, query), query, toView);
  }

  async get(tenantId: TenantId, userId: string): Promise<AdminUserView> {
    const user = await findUser(this.dataSource, tenantId, userId);
    if (!user) throw new NotFoundException(USER_NOT_FOUND);
    return user;
  }
}
