import { MigrationInterface, QueryRunner } from 'typeorm';

export class OidcClientLogout1796180000000 implements MigrationInterface {
  name = 'OidcClientLogout1796180000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "oidc_clients"
            ADD "backchannel_logout_uri" text
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_clients"
            ADD "last_used_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "oidc_clients" DROP COLUMN "last_used_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "oidc_clients" DROP COLUMN "backchannel_logout_uri"
        `);
  }
}
