import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { resolveUsername, usernameErrorMessage } from '@guichet/rules';
import {
  type Locale,
  type UsernameRule,
  type UsernameRuleTestRequest,
  type UsernameRuleTestResponse,
  type UsernameRuleTestRow,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { escapeLike } from '../access/paged-query.js';

/** What each person would get as a username, as an import would give it. Reads only. */
@Injectable()
export class TestUsernameRule {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(
    tenantId: string,
    tenantRule: UsernameRule,
    input: UsernameRuleTestRequest,
    locale: Locale,
  ): Promise<UsernameRuleTestResponse> {
    const rule = input.rule ?? tenantRule;
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
    if (prefixes.length) {
      const rows = await this.dataSource.query<{ username: string }[]>(
        `SELECT username FROM users WHERE tenant_id = $1 AND username LIKE ANY($2::text[])`,
        [tenantId, prefixes.map((p) => `${escapeLike(p)}%`)],
      );
      for (const r of rows) taken.add(r.username);
    }
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
