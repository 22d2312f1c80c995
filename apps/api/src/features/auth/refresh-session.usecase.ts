import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@guichet/types';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import type { IssuedSession } from './sessions.js';
import { SessionUseCase } from './session-use-case.shared.js';

export type Refreshed =
  { ok: true; response: LoginResponse; session: IssuedSession } | { ok: false };

/** A new access token and a rotated refresh token; an old token presented again revokes its family. */
@Injectable()
export class RefreshSession extends SessionUseCase {
  async execute(
    tenant: TenantContext,
    refreshToken: unknown,
    meta: RequestMeta,
  ): Promise<Refreshed> {
    const rotation = await this.sessions.rotate(tenant, refreshToken, meta);
    if (rotation.outcome === 'reused') {
      await this.audit.record({
        tenantId: tenant.id,
        action: 'auth.refresh.reused',
        actorType: 'anonymous',
        targetType: 'user',
        targetId: rotation.userId,
        details: { sessionFamily: rotation.familyId, familyRevoked: true },
        meta,
      });
      return { ok: false };
    }
    if (rotation.outcome === 'invalid') return { ok: false };
    const { user } = rotation;
    const { accessToken, expiresIn } = await this.tokens.issue(
      tenant,
      user,
      rotation.session.familyId,
    );
    return {
      ok: true,
      response: { accessToken, tokenType: 'Bearer', expiresIn, user },
      session: rotation.session,
    };
  }
}
