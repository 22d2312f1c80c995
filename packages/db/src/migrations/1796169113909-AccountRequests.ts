import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountRequests1796169113909 implements MigrationInterface {
  name = 'AccountRequests1796169113909';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "account_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "username" character varying(200) NOT NULL,
                "locale" character varying(5) NOT NULL,
                "meta" jsonb NOT NULL,
                "retry_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d64de2bc3d07c4e3bba400a5561" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_account_requests_retry" ON "account_requests" ("retry_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "account_requests"
            ADD CONSTRAINT "FK_33931312f9a9b8e2abe1ea977f9" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "account_requests" DROP CONSTRAINT "FK_33931312f9a9b8e2abe1ea977f9"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_account_requests_retry"
        `);
    await queryRunner.query(`
            DROP TABLE "account_requests"
        `);
  }
}
