import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionLimits1796166436480 implements MigrationInterface {
  name = 'SessionLimits1796166436480';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "admin_accounts"
            ADD "token_version" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions"
            ADD "signed_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions" DROP COLUMN "signed_in_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_accounts" DROP COLUMN "token_version"
        `);
  }
}
