import { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantAssets1796170300000 implements MigrationInterface {
  name = 'TenantAssets1796170300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "tenant_assets" (
                "tenant_id" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "content_type" character varying(40) NOT NULL,
                "sha256" character(64) NOT NULL,
                "byte_size" integer NOT NULL,
                "content" bytea NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_tenant_assets_kind" CHECK ("kind" IN ('logo', 'favicon')),
                CONSTRAINT "PK_tenant_assets" PRIMARY KEY ("tenant_id", "kind")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_assets"
            ADD CONSTRAINT "FK_tenant_assets_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tenant_assets" DROP CONSTRAINT "FK_tenant_assets_tenant"`,
    );
    await queryRunner.query(`DROP TABLE "tenant_assets"`);
  }
}
