import { BadRequestException } from '@nestjs/common';
import { checkPolicyAgainstFloor, policyIssueMessage, type PolicyIssue } from '@guichet/rules';
import type { Locale, PasswordPolicy, TenantSettings, TenantSettingsPatch } from '@guichet/types';

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
