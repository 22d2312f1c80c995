import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdminAccess1795456852211 implements MigrationInterface {
  name = 'AdminAccess1795456852211';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "admin_accounts"
            ADD "totp_pending_ciphertext" text
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_accounts"
            ADD "totp_last_step" bigint
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_accounts"
            ADD "last_login_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "admin_accounts" DROP COLUMN "last_login_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_accounts" DROP COLUMN "totp_last_step"
        `);
    await queryRunner.query(`
            ALTER TABLE "admin_accounts" DROP COLUMN "totp_pending_ciphertext"
        `);
  }
}
