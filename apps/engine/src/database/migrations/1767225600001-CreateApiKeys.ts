import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys: SHA-256 of the key only, a short prefix to recognise it, role and tenant. */
export class CreateApiKeys1767225600001 implements MigrationInterface {
  name = 'CreateApiKeys1767225600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_key" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "role" character varying(20) NOT NULL,
        "tenant_id" uuid,
        "key_hash" character(64) NOT NULL,
        "prefix" character varying(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_api_key_tenant_id" ON "api_key" ("tenant_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_key_key_hash" ON "api_key" ("key_hash")`);
    await queryRunner.query(`
      ALTER TABLE "api_key" ADD CONSTRAINT "fk_api_key_tenant"
      FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "fk_api_key_tenant"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_key_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_api_key_tenant_id"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
