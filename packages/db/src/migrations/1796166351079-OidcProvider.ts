import { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcProvider1796166351079 implements MigrationInterface {
  name = 'OidcProvider1796166351079';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "oidc_clients" (
                "client_id" character varying(64) NOT NULL,
                "tenant_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "secret_hash" bytea,
                "redirect_uris" text array NOT NULL,
                "post_logout_redirect_uris" text array NOT NULL DEFAULT '{}',
                "first_party" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9e68c17f669bc05c289bf4e12af" PRIMARY KEY ("client_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_oidc_clients_tenant" ON "oidc_clients" ("tenant_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "oidc_payloads" (
                "tenant_id" uuid NOT NULL,
                "model" character varying(40) NOT NULL,
                "id" character varying(200) NOT NULL,
                "payload" jsonb NOT NULL,
                "grant_id" character varying(200),
                "user_code" character varying(200),
                "uid" character varying(200),
                "account_id" character varying(200),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "consumed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b741c2d8582cd987aae05013d13" PRIMARY KEY ("tenant_id", "model", "id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_oidc_payloads_expires" ON "oidc_payloads" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_oidc_payloads_account" ON "oidc_payloads" ("tenant_id", "account_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_oidc_payloads_uid" ON "oidc_payloads" ("tenant_id", "uid")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_oidc_payloads_grant" ON "oidc_payloads" ("tenant_id", "grant_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "oidc_signing_keys" (
                "kid" character varying(64) NOT NULL,
                "tenant_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL,
                "private_jwk_ciphertext" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "retired_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_1dcc044c28147e32bff57544064" PRIMARY KEY ("kid")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_oidc_signing_keys_tenant" ON "oidc_signing_keys" ("tenant_id", "status")
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_clients"
            ADD CONSTRAINT "FK_4218709361503995b51d60dd137" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_payloads"
            ADD CONSTRAINT "FK_3eaf7d9a2149ef775dc43080a32" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_signing_keys"
            ADD CONSTRAINT "FK_f2acd515ba56c26ec26ec971df9" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "oidc_signing_keys" DROP CONSTRAINT "FK_f2acd515ba56c26ec26ec971df9"
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_payloads" DROP CONSTRAINT "FK_3eaf7d9a2149ef775dc43080a32"
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_clients" DROP CONSTRAINT "FK_4218709361503995b51d60dd137"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_oidc_signing_keys_tenant"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_signing_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_oidc_payloads_grant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_oidc_payloads_uid"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_oidc_payloads_account"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_oidc_payloads_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_payloads"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_oidc_clients_tenant"
        `);
    await queryRunner.query(`
            DROP TABLE "oidc_clients"
        `);
  }
}
