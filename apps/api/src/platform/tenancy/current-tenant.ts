import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { TenantContext } from './tenant-context.js';

/**
 * The tenant of a request, as the host resolution (an onRequest hook) left it on the request
 * (`request.hostKind`). Read from the request rather than from an AsyncLocalStorage: one
 * `run` per request enabled Node's promise hooks for every promise of the process (2.5 %
 * of a request's CPU under load, plus the store lookups).
 */
@Injectable()
export class CurrentTenant {
  /** Throws when the request has no tenant (routes of the admin host, operational paths). */
  get(request: FastifyRequest): TenantContext {
    const host = request.hostKind;
    if (host?.kind !== 'tenant')
      throw new Error('No tenant in context: this code must run within a tenant request');
    return host.tenant;
  }

  id(request: FastifyRequest): string {
    return this.get(request).id;
  }
}
