import { MigrationInterface, QueryRunner } from 'typeorm';

/** Directory sync: runs with their reports, the account's source, the tenant's directory settings. (The generator's unrelated rename of tenant_assets' foreign key is left out.) */
export class DirectorySync1796196752341 implements MigrationInterface {
  name = 'DirectorySync1796196752341';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "directory_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "tenant_id" uuid NOT NULL,
                "trigger" character varying(20) NOT NULL,
                "dry_run" boolean NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'running',
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "counts" jsonb NOT NULL DEFAULT '{"created":0,"updated":0,"disabled":0,"unchanged":0,"rejected":0}',
                "changes" jsonb NOT NULL DEFAULT '[]',
                "changes_truncated" boolean NOT NULL DEFAULT false,
                "error" character varying(2000),
                "actor_id" character varying(320),
                CONSTRAINT "PK_d03b464930f6ed9eacdd29df66d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_directory_runs_tenant_started" ON "directory_runs" ("tenant_id", "started_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "source" character varying(20)
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_settings"
            ADD "directory" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "directory_runs"
            ADD CONSTRAINT "FK_830179c8d9aafadea48384fc379" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "directory_runs" DROP CONSTRAINT "FK_830179c8d9aafadea48384fc379"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenant_settings" DROP COLUMN "directory"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_directory_runs_tenant_started"
        `);
    await queryRunner.query(`
            DROP TABLE "directory_runs"
        `);
  }
}
