import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { CLS_TENANT, type TenantContext } from './tenant-context.js';

/** The tenant of the current request, from AsyncLocalStorage. Throws when there is none. */
@Injectable()
export class CurrentTenant {
  constructor(private readonly cls: ClsService) {}

  get(): TenantContext {
    const tenant = this.cls.get<TenantContext | undefined>(CLS_TENANT);
    if (!tenant)
      throw new Error('No tenant in context: this code must run within a tenant request');
    return tenant;
  }

  get id(): string {
    return this.get().id;
  }
}
