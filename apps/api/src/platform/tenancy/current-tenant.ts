import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { HostKind, TenantContext } from './tenant-context.js';

/** The host of the request being handled (set by `registerTenantContext`). */
const storage = new AsyncLocalStorage<HostKind | undefined>();

/**
 * Runs every route handler (Nest's guards, pipes, controllers and filters) inside the
 * request's host context, from the last Fastify hook before the handler: one
 * AsyncLocalStorage.run per request, after the body is parsed (a parser's stream events
 * would not carry it). It replaces nestjs-cls's global guard, which entered a store,
 * awaited four steps and imported a module on every request.
 */
export function registerTenantContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => storage.run(request.hostKind, done));
}

/** The tenant of the current request. Throws when there is none. */
@Injectable()
export class CurrentTenant {
  get(): TenantContext {
    const host = storage.getStore();
    if (host?.kind !== 'tenant')
      throw new Error('No tenant in context: this code must run within a tenant request');
    return host.tenant;
  }

  get id(): string {
    return this.get().id;
  }
}
