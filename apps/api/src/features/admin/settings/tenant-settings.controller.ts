import { Body, Delete, Get, HttpCode, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  type PasswordPolicyTestRequest,
  passwordPolicyTestRequestSchema,
  type PasswordPolicyTestResponse,
  type SmtpSettingsRequest,
  smtpSettingsRequestSchema,
  type SmtpSettingsView,
  type SmtpTestRequest,
  smtpTestRequestSchema,
  type SmtpTestResponse,
  type TenantDetail,
  type TenantSettingsPatch,
  tenantSettingsPatchSchema,
  type UsernameRuleTestRequest,
  usernameRuleTestRequestSchema,
  type UsernameRuleTestResponse,
} from '@guichet/types';
import type { FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../../../platform/common/zod-validation.pipe.js';
import { adminLocale } from '../access/admin-locale.js';
import { Actor, type AdminActor, RouteTenant } from '../access/admin-request.js';
import type { AdminTenant } from '../access/tenant-access.guard.js';
import { Tenants } from '../tenants/tenants.queries.js';
import { SaveTenantSmtp } from './save-tenant-smtp.usecase.js';
import { SendTestEmail } from './send-test-email.usecase.js';
import { TestPasswordPolicy } from './test-password-policy.usecase.js';
import { TestUsernameRule } from './test-username-rule.usecase.js';
import { UpdateTenantSettings } from './update-tenant-settings.usecase.js';
import { TenantAdminController } from '../access/admin-controller.js';

/** A tenant's settings (portal configuration), the live tests of its rules, and its SMTP server. */
@TenantAdminController()
export class TenantSettingsController {
  constructor(
    private readonly tenants: Tenants,
    private readonly updateSettings: UpdateTenantSettings,
    private readonly testUsernames: TestUsernameRule,
    private readonly testPasswords: TestPasswordPolicy,
    private readonly saveSmtp: SaveTenantSmtp,
    private readonly sendTestEmail: SendTestEmail,
  ) {}

  @Patch('settings')
  @ApiOperation({
    summary:
      'Replaces the sections given (branding, texts per locale, usernameRule, passwordPolicy, features, allowedNetworks, email, tokenLifetimes, lockout, postLoginUrl, locales, defaultLocale); validated whole, floor enforced, audited, on the portals within a second',
  })
  patchSettings(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(tenantSettingsPatchSchema)) body: TenantSettingsPatch,
    @Req() request: FastifyRequest,
  ): Promise<TenantDetail> {
    return this.updateSettings.execute(actor, tenant.id, body, adminLocale(request));
  }

  @Post('username-rule/test')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The usernames a rule (the tenant’s, or a draft) gives these names, with suffixes against existing accounts',
  })
  testUsernameRule(
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(usernameRuleTestRequestSchema)) body: UsernameRuleTestRequest,
    @Req() request: FastifyRequest,
  ): Promise<UsernameRuleTestResponse> {
    return this.testUsernames.execute(tenant.id, body, adminLocale(request));
  }

  @Post('password-policy/test')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Checks a password against a policy (the tenant’s, or a draft); warns where the policy is weaker than NIST SP 800-63B or under the platform floor',
  })
  testPasswordPolicy(
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(passwordPolicyTestRequestSchema)) body: PasswordPolicyTestRequest,
    @Req() request: FastifyRequest,
  ): Promise<PasswordPolicyTestResponse> {
    return this.testPasswords.execute(tenant.id, body, adminLocale(request));
  }

  @Get('smtp')
  @ApiOperation({
    summary: 'The tenant’s SMTP server and sender (never the password: passwordSet only)',
  })
  getSmtp(@RouteTenant() tenant: AdminTenant): Promise<SmtpSettingsView> {
    return this.tenants.smtp(tenant.id);
  }

  @Put('smtp')
  @ApiOperation({
    summary:
      'Sets the tenant’s own SMTP server (password encrypted at rest; omitted = kept, null = removed) and optionally the sender',
  })
  putSmtp(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(smtpSettingsRequestSchema)) body: SmtpSettingsRequest,
  ): Promise<SmtpSettingsView> {
    return this.saveSmtp.execute(actor, tenant.id, body);
  }

  @Delete('smtp')
  @ApiOperation({
    summary: 'Removes the tenant’s SMTP server: its emails go through the platform SMTP_URL again',
  })
  deleteSmtp(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
  ): Promise<SmtpSettingsView> {
    return this.saveSmtp.execute(actor, tenant.id, null);
  }

  @Post('smtp/test')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queues a test email to the signed-in admin’s own address through the outbox and the worker (a few per hour); 202 with the delivery id to follow',
  })
  testSmtp(
    @Actor() actor: AdminActor,
    @RouteTenant() tenant: AdminTenant,
    @Body(new ZodValidationPipe(smtpTestRequestSchema, { optionalBody: true }))
    body: SmtpTestRequest,
  ): Promise<SmtpTestResponse> {
    return this.sendTestEmail.execute(actor, tenant.id, body.locale);
  }
}
