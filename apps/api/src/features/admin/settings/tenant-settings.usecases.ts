import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type TenantId, TenantSettingsRepository, UsersRepository } from '@guichet/db';
import {
  checkPolicyAgainstFloor,
  describePolicy,
  evaluatePassword,
  policyIssueMessage,
  policyWarnings,
  resolveUsername,
  ruleMessage,
  usernameErrorMessage,
  violationMessage,
  type PolicyIssue,
} from '@guichet/rules';
import {
  type Locale,
  type PasswordPolicy,
  type PasswordPolicyTestRequest,
  type PasswordPolicyTestResponse,
  type PolicyWarning,
  type TenantDetail,
  type TenantSettings,
  type TenantSettingsPatch,
  tenantSettingsSchema,
  type UsernameRule,
  type UsernameRuleTestRequest,
  type UsernameRuleTestResponse,
  type UsernameRuleTestRow,
} from '@guichet/types';
import type { DataSource } from 'typeorm';
import { fieldErrors } from '../../../platform/common/zod-validation.pipe.js';
import type { AdminActor } from '../access/admin-request.js';
import { changedSections, TenantChanges } from '../tenants/tenant-changes.js';
import { tenantDetail } from '../tenants/tenant-queries.js';

/** The policy field each floor error is about. */
const FLOOR_FIELD: Partial<Record<PolicyIssue['code'], keyof PasswordPolicy>> = {
  min_length_below_floor: 'minLength',
  max_length_below_floor: 'maxLength',
  deny_common_required: 'denyCommon',
  disallow_username_required: 'disallowUsername',
};

/** 400 naming `passwordPolicy.<field>` for a policy under the platform floor; nothing otherwise. */
export function assertAboveFloor(policy: PasswordPolicy, locale: Locale): void {
  const issues = checkPolicyAgainstFloor(policy);
  if (!issues.length) return;
  const fields: Record<string, string[]> = {};
  for (const issue of issues)
    (fields[`passwordPolicy.${FLOOR_FIELD[issue.code] ?? '_'}`] ??= []).push(
      policyIssueMessage(issue, locale),
    );
  throw new BadRequestException({
    error: 'policy_below_floor',
    message: 'The password policy is weaker than the platform allows.',
    fields,
  });
}

/** The settings with the patch applied: each section present replaces the stored one (texts: each locale present). */
export function applySettingsPatch(current: TenantSettings, patch: TenantSettingsPatch): unknown {
  const { texts, ...sections } = patch;
  const next: Record<string, unknown> = { ...current, ...sections };
  if (texts) next.texts = { ...current.texts, ...texts };
  return next;
}

/**
 * `PATCH settings`: validated whole (an inconsistent result is a 400, never a partial
 * write), the floor enforced, audited with the sections that changed, visible on the portal
 * within a second.
 */
@Injectable()
export class UpdateTenantSettings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: TenantSettingsRepository,
    private readonly changes: TenantChanges,
  ) {}

  async execute(
    actor: AdminActor,
    tenantId: TenantId,
    patch: TenantSettingsPatch,
    locale: Locale,
  ): Promise<TenantDetail> {
    await this.changes.apply(tenantId, actor, async (em, current) => {
      const parsed = tenantSettingsSchema.safeParse(applySettingsPatch(current.settings, patch));
      if (!parsed.success)
        throw new BadRequestException({
          error: 'invalid_body',
          message: 'Some settings are invalid.',
          fields: fieldErrors(parsed.error),
        });
      if (patch.passwordPolicy) assertAboveFloor(parsed.data.passwordPolicy, locale);
      const diff = changedSections(current.settings, parsed.data);
      if (!diff) return { result: undefined };
      await this.settings.in(em).replace(tenantId, parsed.data);
      return {
        result: undefined,
        audit: { action: 'settings.updated', before: diff.before, after: diff.after },
      };
    });
    return (await tenantDetail(this.dataSource, tenantId))!;
  }
}

/** What each person would get as a username, as an import would give it. Reads only. */
@Injectable()
export class TestUsernameRule {
  constructor(private readonly users: UsersRepository) {}

  async execute(
    tenantId: TenantId,
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

/** A password against a policy (the tenant's, or a draft), and what is weak about the policy itself. */
export function testPasswordPolicy(
  tenantPolicy: PasswordPolicy,
  input: PasswordPolicyTestRequest,
  locale: Locale,
): PasswordPolicyTestResponse {
  const policy = input.policy ?? tenantPolicy;
  const evaluation = evaluatePassword(policy, input.password, { username: input.username ?? null });
  const warnings: PolicyWarning[] = [
    ...checkPolicyAgainstFloor(policy),
    ...policyWarnings(policy),
  ].map((issue) => ({
    code: issue.code,
    severity: issue.severity,
    message: policyIssueMessage(issue, locale),
  }));
  return {
    policy,
    ok: evaluation.ok,
    violations: evaluation.violations.map((v) => ({
      code: v.code,
      message: violationMessage(v, locale),
    })),
    warnings,
    rules: describePolicy(policy).map((item) => ruleMessage(item, locale)),
  };
}
