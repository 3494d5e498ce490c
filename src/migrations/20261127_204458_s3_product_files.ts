import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_downloads_outcome" ADD VALUE 'redirected';
  ALTER TABLE "product_files" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "product_files" ADD COLUMN "_objectkey" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "downloads" ALTER COLUMN "outcome" SET DATA TYPE text;
  DROP TYPE "public"."enum_downloads_outcome";
  CREATE TYPE "public"."enum_downloads_outcome" AS ENUM('completed', 'aborted');
  ALTER TABLE "downloads" ALTER COLUMN "outcome" SET DATA TYPE "public"."enum_downloads_outcome" USING "outcome"::"public"."enum_downloads_outcome";
  ALTER TABLE "product_files" DROP COLUMN "prefix";
  ALTER TABLE "product_files" DROP COLUMN "_objectkey";`)
}
