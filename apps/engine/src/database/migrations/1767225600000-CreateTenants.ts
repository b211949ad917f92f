import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants (one ThreatConnect Organization each) with their settings; secrets as AES-256-GCM ciphertext. */
export class CreateTenants1767225600000 implements MigrationInterface {
  name = 'CreateTenants1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tenant" (
        "id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "tc_organization" character varying(200) NOT NULL,
        "source_name" character varying(200) NOT NULL,
        "activate_deprecation" boolean NOT NULL DEFAULT false,
        "create_attributes" boolean NOT NULL DEFAULT false,
        "wiz_environment" character varying(20) NOT NULL,
        "wiz_data_center" character varying(16) NOT NULL,
        "wiz_client_id" character varying(200) NOT NULL,
        "wiz_client_secret_encrypted" bytea NOT NULL,
        "owners_to_scan" text array NOT NULL,
        "group_types_to_scan" text array NOT NULL,
        "indicator_types_to_scan" text array NOT NULL,
        "assignee" character varying(200),
        "exploit_filter" character varying(16) NOT NULL DEFAULT 'hasExploit',
        "run_after_deployment" boolean NOT NULL DEFAULT false,
        "tc_api_url" character varying(500) NOT NULL,
        "tc_access_id" character varying(200) NOT NULL,
        "tc_secret_key_encrypted" bytea NOT NULL,
        "schedule_interval_minutes" integer NOT NULL DEFAULT '60',
        "initial_backfill_days" integer NOT NULL DEFAULT '30',
        "max_restart_attempts" integer NOT NULL DEFAULT '3',
        "retention_days" integer NOT NULL DEFAULT '30',
        "enabled" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_da8c6efd67bb301e810e56ac139" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tenant_source_name" ON "tenant" ("source_name")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tenant_wiz_client_id" ON "tenant" ("wiz_client_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_tenant_wiz_client_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tenant_source_name"`);
    await queryRunner.query(`DROP TABLE "tenant"`);
  }
}
