import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_downloads_outcome" AS ENUM('completed', 'aborted');
  ALTER TYPE "public"."enum_stripe_events_outcome" ADD VALUE 'deferred';
  CREATE TABLE "product_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "downloads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"purchase_id" integer NOT NULL,
  	"user_id" integer NOT NULL,
  	"file_name" varchar NOT NULL,
  	"outcome" "enum_downloads_outcome" NOT NULL,
  	"bytes_sent" numeric NOT NULL,
  	"http_status" numeric NOT NULL,
  	"range" varchar,
  	"ip" varchar,
  	"user_agent" varchar,
  	"started_at" timestamp(3) with time zone NOT NULL,
  	"finished_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "products" ADD COLUMN "file_id" integer;
  ALTER TABLE "_products_v" ADD COLUMN "version_file_id" integer;
  ALTER TABLE "stripe_events" ADD COLUMN "payment_intent_id" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "product_files_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "downloads_id" integer;
  ALTER TABLE "downloads" ADD CONSTRAINT "downloads_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "downloads" ADD CONSTRAINT "downloads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "product_files_updated_at_idx" ON "product_files" USING btree ("updated_at");
  CREATE INDEX "product_files_created_at_idx" ON "product_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "product_files_filename_idx" ON "product_files" USING btree ("filename");
  CREATE INDEX "downloads_purchase_idx" ON "downloads" USING btree ("purchase_id");
  CREATE INDEX "downloads_user_idx" ON "downloads" USING btree ("user_id");
  CREATE INDEX "downloads_started_at_idx" ON "downloads" USING btree ("started_at");
  CREATE INDEX "downloads_updated_at_idx" ON "downloads" USING btree ("updated_at");
  CREATE INDEX "downloads_created_at_idx" ON "downloads" USING btree ("created_at");
  ALTER TABLE "products" ADD CONSTRAINT "products_file_id_product_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."product_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_products_v" ADD CONSTRAINT "_products_v_version_file_id_product_files_id_fk" FOREIGN KEY ("version_file_id") REFERENCES "public"."product_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_product_files_fk" FOREIGN KEY ("product_files_id") REFERENCES "public"."product_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_downloads_fk" FOREIGN KEY ("downloads_id") REFERENCES "public"."downloads"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "products_file_idx" ON "products" USING btree ("file_id");
  CREATE INDEX "_products_v_version_version_file_idx" ON "_products_v" USING btree ("version_file_id");
  CREATE INDEX "stripe_events_payment_intent_id_idx" ON "stripe_events" USING btree ("payment_intent_id");
  CREATE INDEX "payload_locked_documents_rels_product_files_id_idx" ON "payload_locked_documents_rels" USING btree ("product_files_id");
  CREATE INDEX "payload_locked_documents_rels_downloads_id_idx" ON "payload_locked_documents_rels" USING btree ("downloads_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "product_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "downloads" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "product_files" CASCADE;
  DROP TABLE "downloads" CASCADE;
  ALTER TABLE "products" DROP CONSTRAINT "products_file_id_product_files_id_fk";
  
  ALTER TABLE "_products_v" DROP CONSTRAINT "_products_v_version_file_id_product_files_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_product_files_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_downloads_fk";
  
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DATA TYPE text;
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DEFAULT 'received'::text;
  DROP TYPE "public"."enum_stripe_events_outcome";
  CREATE TYPE "public"."enum_stripe_events_outcome" AS ENUM('received', 'processed', 'ignored', 'rejected', 'failed');
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DEFAULT 'received'::"public"."enum_stripe_events_outcome";
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DATA TYPE "public"."enum_stripe_events_outcome" USING "outcome"::"public"."enum_stripe_events_outcome";
  DROP INDEX "products_file_idx";
  DROP INDEX "_products_v_version_version_file_idx";
  DROP INDEX "stripe_events_payment_intent_id_idx";
  DROP INDEX "payload_locked_documents_rels_product_files_id_idx";
  DROP INDEX "payload_locked_documents_rels_downloads_id_idx";
  ALTER TABLE "products" DROP COLUMN "file_id";
  ALTER TABLE "_products_v" DROP COLUMN "version_file_id";
  ALTER TABLE "stripe_events" DROP COLUMN "payment_intent_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "product_files_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "downloads_id";
  DROP TYPE "public"."enum_downloads_outcome";`)
}
