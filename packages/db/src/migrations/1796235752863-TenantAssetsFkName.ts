import { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantAssetsFkName1796235752863 implements MigrationInterface {
  name = 'TenantAssetsFkName1796235752863';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenant_assets" DROP CONSTRAINT "FK_tenant_assets_tenant"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_assets"
            ADD CONSTRAINT "FK_5219afd350064f74eb8967751fe" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenant_assets" DROP CONSTRAINT "FK_5219afd350064f74eb8967751fe"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_assets"
            ADD CONSTRAINT "FK_tenant_assets_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }
}
