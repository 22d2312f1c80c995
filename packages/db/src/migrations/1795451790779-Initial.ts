import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795451790779 implements MigrationInterface {
  name = 'Initial1795451790779';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "tenants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(50) NOT NULL,
                "name" character varying(200) NOT NULL,
                "public_url" character varying(500) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'active',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_2310ecc5cb8be427097154b18fc" UNIQUE ("slug"),
                CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "username" character varying(200) NOT NULL,
                "first_name" character varying(200) NOT NULL,
                "last_name" character varying(200) NOT NULL,
                "email" character varying(320) NOT NULL,
                "external_id" character varying(200),
                "password_hash" character varying(500),
                "password_history" jsonb NOT NULL DEFAULT '[]',
                "status" character varying(20) NOT NULL DEFAULT 'active',
                "enrolled_at" TIMESTAMP WITH TIME ZONE,
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_users_username_normalized" CHECK ("username" = lower(btrim("username"))),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_tenant_email" ON "users" ("tenant_id", "email")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_tenant_external_id" ON "users" ("tenant_id", "external_id")
            WHERE external_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_tenant_username" ON "users" ("tenant_id", "username")
        `);
    await queryRunner.query(`
            CREATE TABLE "action_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "purpose" character varying(30) NOT NULL,
                "token_hash" bytea NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "consumed_at" TIMESTAMP WITH TIME ZONE,
                "voided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_63c57b92920a1b20a070137d9f1" UNIQUE ("token_hash"),
                CONSTRAINT "PK_d29a2a18dc1b6b8abe2a151bea0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_action_tokens_user_purpose" ON "action_tokens" ("tenant_id", "user_id", "purpose")
        `);
    await queryRunner.query(`
            CREATE TABLE "admin_accounts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(320) NOT NULL,
                "password_hash" character varying(500) NOT NULL,
                "role" character varying(20) NOT NULL,
                "totp_secret_ciphertext" text,
                "status" character varying(20) NOT NULL DEFAULT 'active',
                "failed_logins" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_05a0a0da9626f51206e41eda9df" UNIQUE ("email"),
                CONSTRAINT "ck_admin_accounts_email_lower" CHECK ("email" = lower("email")),
                CONSTRAINT "PK_79fb3604ed15538685183d8df5f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "admin_tenant_grants" (
                "admin_id" uuid NOT NULL,
                "tenant_id" uuid NOT NULL,
                CONSTRAINT "PK_67c42c9accdbf64ff1dccd2d740" PRIMARY KEY ("admin_id", "tenant_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "tenant_id" uuid,
                "actor_type" character varying(20) NOT NULL,
                "actor_id" character varying(320),
                "action" character varying(100) NOT NULL,
                "target_type" character varying(50),
                "target_id" character varying(200),
                "before" jsonb,
                "after" jsonb,
                "ip" character varying(64),
                "request_id" character varying(100),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_events_tenant_created" ON "audit_events" ("tenant_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "email_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "user_id" uuid,
                "kind" character varying(30) NOT NULL,
                "recipient" character varying(320) NOT NULL,
                "payload" jsonb NOT NULL,
                "action_token_id" uuid,
                "token_ciphertext" text,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "smtp_message_id" character varying(500),
                "enqueued_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aa4e94683dafee7c55aaeb9f59d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_email_deliveries_pending" ON "email_deliveries" ("status", "updated_at")
            WHERE status IN ('queued', 'sending')
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_email_deliveries_tenant_created" ON "email_deliveries" ("tenant_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "email_templates" (
                "tenant_id" uuid NOT NULL,
                "kind" character varying(30) NOT NULL,
                "locale" character varying(5) NOT NULL,
                "subject" text NOT NULL,
                "html" text NOT NULL,
                "text" text NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f46e3e11343ca5527921b737021" PRIMARY KEY ("tenant_id", "kind", "locale")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "persistent" boolean NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "rotated_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "user_agent" character varying(500),
                "ip" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_d76f5941d821678137ef15d9651" UNIQUE ("token_hash"),
                CONSTRAINT "PK_9190032f6967b7971dca07d69f3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_sessions_family" ON "refresh_sessions" ("family_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_refresh_sessions_user" ON "refresh_sessions" ("tenant_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "tenant_hosts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "host_name" character varying(253) NOT NULL,
                "is_primary" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_b145a7b2dde63e3efa27aca1f96" UNIQUE ("host_name"),
                CONSTRAINT "ck_tenant_hosts_lower" CHECK ("host_name" = lower("host_name")),
                CONSTRAINT "PK_5ea549b833db2033af2ca037016" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1f2cc2c48b1c7ea3466bd6e377" ON "tenant_hosts" ("tenant_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "tenant_settings" (
                "tenant_id" uuid NOT NULL,
                "settings" jsonb NOT NULL,
                "smtp" jsonb,
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a6abc1c3ed0df635955fc852f1c" PRIMARY KEY ("tenant_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_109638590074998bb72a2f2cf08" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens"
            ADD CONSTRAINT "FK_4775eb2af5a17b763a4fd2293ea" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens"
            ADD CONSTRAINT "FK_e9a3f1f8966f1cae54c487c0eb4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_tenant_grants"
            ADD CONSTRAINT "FK_be4c0fe91f68021abcadb40fa8e" FOREIGN KEY ("admin_id") REFERENCES "admin_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_tenant_grants"
            ADD CONSTRAINT "FK_913cac9f5306b8c984223a51bdb" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "email_deliveries"
            ADD CONSTRAINT "FK_cefe4eb9b54cd80523d62c8fe85" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "email_templates"
            ADD CONSTRAINT "FK_2982dc30aa931f4db2ff53c6487" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions"
            ADD CONSTRAINT "FK_104f799758357bbb5902b81cf90" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions"
            ADD CONSTRAINT "FK_a7ab4fd82c654c85b9de53d971a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_hosts"
            ADD CONSTRAINT "FK_1f2cc2c48b1c7ea3466bd6e3772" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_settings"
            ADD CONSTRAINT "FK_a6abc1c3ed0df635955fc852f1c" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenant_settings" DROP CONSTRAINT "FK_a6abc1c3ed0df635955fc852f1c"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_hosts" DROP CONSTRAINT "FK_1f2cc2c48b1c7ea3466bd6e3772"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions" DROP CONSTRAINT "FK_a7ab4fd82c654c85b9de53d971a"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions" DROP CONSTRAINT "FK_104f799758357bbb5902b81cf90"
        `);
    await queryRunner.query(`
            ALTER TABLE "email_templates" DROP CONSTRAINT "FK_2982dc30aa931f4db2ff53c6487"
        `);
    await queryRunner.query(`
            ALTER TABLE "email_deliveries" DROP CONSTRAINT "FK_cefe4eb9b54cd80523d62c8fe85"
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_tenant_grants" DROP CONSTRAINT "FK_913cac9f5306b8c984223a51bdb"
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_tenant_grants" DROP CONSTRAINT "FK_be4c0fe91f68021abcadb40fa8e"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens" DROP CONSTRAINT "FK_e9a3f1f8966f1cae54c487c0eb4"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens" DROP CONSTRAINT "FK_4775eb2af5a17b763a4fd2293ea"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_109638590074998bb72a2f2cf08"
        `);
    await queryRunner.query(`
            DROP TABLE "tenant_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1f2cc2c48b1c7ea3466bd6e377"
        `);
    await queryRunner.query(`
            DROP TABLE "tenant_hosts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_sessions_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_refresh_sessions_family"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "email_templates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_email_deliveries_tenant_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_email_deliveries_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "email_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_events_tenant_created"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP TABLE "admin_tenant_grants"
        `);
    await queryRunner.query(`
            DROP TABLE "admin_accounts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_action_tokens_user_purpose"
        `);
    await queryRunner.query(`
            DROP TABLE "action_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_tenant_username"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_tenant_external_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_tenant_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "tenants"
        `);
  }
}
