import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../platform/audit/audit-log.js';
import { AccessTokens } from './access-tokens.js';
import { Sessions } from './sessions.js';

/**
 * What the use cases on an existing sign-in (refresh it, end it) stand on: the refresh
 * sessions, the access tokens and the audit log.
 */
@Injectable()
export abstract class SessionUseCase {
  constructor(
    protected readonly sessions: Sessions,
    protected readonly tokens: AccessTokens,
    protected readonly audit: AuditLog,
  ) {}
}
