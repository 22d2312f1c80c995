import { Injectable } from '@nestjs/common';
import type { RequestMeta } from '../../platform/request/request-meta.js';
import type { TenantContext } from '../../platform/tenancy/tenant-context.js';
import { SessionUseCase } from './session-use-case.shared.js';

/** Ends the sign-in of the session cookie and/or of the Bearer token (every rotation of it). */
@Injectable()
export class SignOut extends SessionUseCase {
  async execute(
    tenant: TenantContext,
    input: { refreshToken?: unknown; accessToken?: string },
    meta: RequestMeta,
  ): Promise<void> {
    const ended = await this.sessions.revokeByToken(tenant.id, input.refreshToken);
    let userId = ended?.userId;
    if (input.accessToken) {
      const claims = await this.tokens.verify(tenant, input.accessToken);
      if (claims) {
        await this.sessions.revokeFamily(tenant.id, claims.sessionId);
        userId ??= claims.userId;
      }
    }
    if (userId) {
      await this.audit.record({
        tenantId: tenant.id,
        action: 'auth.logout',
        actorType: 'user',
        actorId: userId,
        targetType: 'user',
        targetId: userId,
        meta,
      });
    }
  }
}
