import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { HostKind } from './tenant-context.js';

export type HostRequirement = 'tenant' | 'admin' | 'any';
const HOSTS = 'guichet:hosts';

/** Which hosts a controller answers on; `tenant` when absent. */
export const OnHosts = (requirement: HostRequirement) => SetMetadata(HOSTS, requirement);

declare module 'fastify' {
  interface FastifyRequest {
    hostKind?: HostKind;
  }
}

/** Lower case, port and trailing dot removed: `Cegep.LocalHost:3000` → `cegep.localhost`. */
export function normalizeHost(host: string | undefined): string | null {
  if (!host) return null;
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1) || null;
  const colon = h.lastIndexOf(':');
  if (colon !== -1) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h || null;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Whether a normalized host could name a tenant: a DNS name (RFC 1123 labels, at most 253
 * characters), not an IP literal. Anything else is unknown without asking the database, so
 * junk Host headers cost neither a query nor a cache entry.
 */
export function isTenantHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

/** A route of one kind of host is a 404 on every other: no data crosses hosts. */
@Injectable()
export class HostGuard implements CanActivate {
  /** Per handler: decorators are fixed once the application is built, no metadata lookup per request. */
  private readonly requirements = new WeakMap<object, WeakMap<object, HostRequirement>>();

  constructor(private readonly reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    const [handler, controller] = [context.getHandler(), context.getClass()];
    let ofController = this.requirements.get(controller);
    if (!ofController) this.requirements.set(controller, (ofController = new WeakMap()));
    let requirement = ofController.get(handler);
    if (!requirement) {
      requirement =
        this.reflector.getAllAndOverride<HostRequirement>(HOSTS, [handler, controller]) ?? 'tenant';
      ofController.set(handler, requirement);
    }
    if (requirement === 'any') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.hostKind?.kind !== requirement)
      throw new NotFoundException({ error: 'not_found', message: 'Not found.' });
    return true;
  }
}
