import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rows that belong to an account point at it by (tenant_id, user_id): a row of one tenant can
 * never name another tenant's account. (Generated; the drift of the tenant_assets foreign key
 * name that the generator also reports is left to a migration of its own.)
 */
export class TenantScopedUserKeys1796196652659 implements MigrationInterface {
  name = 'TenantScopedUserKeys1796196652659';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "action_tokens" DROP CONSTRAINT "FK_e9a3f1f8966f1cae54c487c0eb4"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions" DROP CONSTRAINT "FK_a7ab4fd82c654c85b9de53d971a"
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "uq_users_tenant_id" UNIQUE ("tenant_id", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens"
            ADD CONSTRAINT "FK_410316837e25c6ff997fe7edb80" FOREIGN KEY ("user_id", "tenant_id") REFERENCES "users"("id", "tenant_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions"
            ADD CONSTRAINT "FK_4737b2711197cfb193662f41cab" FOREIGN KEY ("user_id", "tenant_id") REFERENCES "users"("id", "tenant_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions" DROP CONSTRAINT "FK_4737b2711197cfb193662f41cab"
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens" DROP CONSTRAINT "FK_410316837e25c6ff997fe7edb80"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "uq_users_tenant_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_sessions"
            ADD CONSTRAINT "FK_a7ab4fd82c654c85b9de53d971a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "action_tokens"
            ADD CONSTRAINT "FK_e9a3f1f8966f1cae54c487c0eb4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }
}
