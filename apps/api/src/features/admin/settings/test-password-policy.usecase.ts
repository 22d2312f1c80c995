import { Injectable } from '@nestjs/common';
import type { TenantId } from '@guichet/db';
import {
  checkPolicyAgainstFloor,
  describePolicy,
  evaluatePassword,
  policyIssueMessage,
  policyWarnings,
  ruleMessage,
  violationMessage,
} from '@guichet/rules';
import type {
  Locale,
  PasswordPolicyTestRequest,
  PasswordPolicyTestResponse,
  PolicyWarning,
} from '@guichet/types';
import { Tenants } from '../tenants/tenants.queries.js';

/** A password against a policy (the tenant's, or a draft), and what is weak about the policy itself. */
@Injectable()
export class TestPasswordPolicy {
  constructor(private readonly tenants: Tenants) {}

  async execute(
    tenantId: TenantId,
    input: PasswordPolicyTestRequest,
    locale: Locale,
  ): Promise<PasswordPolicyTestResponse> {
    const policy = input.policy ?? (await this.tenants.detail(tenantId)).settings.passwordPolicy;
    const evaluation = evaluatePassword(policy, input.password, {
      username: input.username ?? null,
    });
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
}
