import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScimTokens1796196852819 implements MigrationInterface {
  name = 'ScimTokens1796196852819';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "scim_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "token_hash" bytea NOT NULL,
                "created_by" character varying(320),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5e368798dfa88b0d9fb185e8901" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_scim_tokens_hash" ON "scim_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_scim_tokens_tenant" ON "scim_tokens" ("tenant_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "scim_tokens"
            ADD CONSTRAINT "FK_56cf5beaf7003ef2778b76bec54" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "scim_tokens" DROP CONSTRAINT "FK_56cf5beaf7003ef2778b76bec54"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_scim_tokens_tenant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_scim_tokens_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "scim_tokens"
        `);
  }
}
