import { Injectable } from '@nestjs/common';
import { type TenantId, UsersRepository } from '@guichet/db';
import { resolveUsername, usernameErrorMessage } from '@guichet/rules';
import type {
  Locale,
  UsernameRuleTestRequest,
  UsernameRuleTestResponse,
  UsernameRuleTestRow,
} from '@guichet/types';
import { Tenants } from '../tenants/tenants.queries.js';

/** What each person would get as a username, as an import would give it. Reads only. */
@Injectable()
export class TestUsernameRule {
  constructor(
    private readonly tenants: Tenants,
    private readonly users: UsersRepository,
  ) {}

  async execute(
    tenantId: TenantId,
    input: UsernameRuleTestRequest,
    locale: Locale,
  ): Promise<UsernameRuleTestResponse> {
    const rule = input.rule ?? (await this.tenants.detail(tenantId)).settings.usernameRule;
    const taken = new Set<string>();
    // The tenant's usernames that could collide with a derived one (same first letters).
    const prefixes = [
      ...new Set(
        input.names
          .map((n) =>
            resolveUsername(rule, { firstName: n.firstName, lastName: n.lastName }, () => false),
          )
          .filter((r) => r.ok)
          .map((r) => (r as { username: string }).username),
      ),
    ];
    for (const username of await this.users.usernamesStartingWith(tenantId, prefixes))
      taken.add(username);
    const usernames = input.names.map((person): UsernameRuleTestRow => {
      const result = resolveUsername(rule, person, taken);
      const row = { lastName: person.lastName, firstName: person.firstName };
      if (!result.ok)
        return {
          ...row,
          username: null,
          suffixed: false,
          error: { code: result.error.code, message: usernameErrorMessage(result.error, locale) },
        };
      const base =
        result.source === 'derived' ? resolveUsername(rule, person, () => false) : result;
      taken.add(result.username);
      return {
        ...row,
        username: result.username,
        suffixed: base.ok && base.username !== result.username,
      };
    });
    return { rule, usernames };
  }
}
