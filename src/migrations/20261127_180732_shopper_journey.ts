import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "sign_in_links" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"email" varchar NOT NULL,
  	"callback_path" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"used_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sign_in_link_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"email_hash" varchar NOT NULL,
  	"ip" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "products" ADD COLUMN "image_id" integer;
  ALTER TABLE "_products_v" ADD COLUMN "version_image_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sign_in_links_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sign_in_link_requests_id" integer;
  ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "sign_in_links_token_hash_idx" ON "sign_in_links" USING btree ("token_hash");
  CREATE INDEX "sign_in_links_user_idx" ON "sign_in_links" USING btree ("user_id");
  CREATE INDEX "sign_in_links_updated_at_idx" ON "sign_in_links" USING btree ("updated_at");
  CREATE INDEX "sign_in_links_created_at_idx" ON "sign_in_links" USING btree ("created_at");
  CREATE INDEX "sign_in_link_requests_email_hash_idx" ON "sign_in_link_requests" USING btree ("email_hash");
  CREATE INDEX "sign_in_link_requests_ip_idx" ON "sign_in_link_requests" USING btree ("ip");
  CREATE INDEX "sign_in_link_requests_updated_at_idx" ON "sign_in_link_requests" USING btree ("updated_at");
  CREATE INDEX "sign_in_link_requests_created_at_idx" ON "sign_in_link_requests" USING btree ("created_at");
  ALTER TABLE "products" ADD CONSTRAINT "products_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_products_v" ADD CONSTRAINT "_products_v_version_image_id_media_id_fk" FOREIGN KEY ("version_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sign_in_links_fk" FOREIGN KEY ("sign_in_links_id") REFERENCES "public"."sign_in_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sign_in_link_requests_fk" FOREIGN KEY ("sign_in_link_requests_id") REFERENCES "public"."sign_in_link_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "products_image_idx" ON "products" USING btree ("image_id");
  CREATE INDEX "_products_v_version_version_image_idx" ON "_products_v" USING btree ("version_image_id");
  CREATE INDEX "payload_locked_documents_rels_sign_in_links_id_idx" ON "payload_locked_documents_rels" USING btree ("sign_in_links_id");
  CREATE INDEX "payload_locked_documents_rels_sign_in_link_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("sign_in_link_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sign_in_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sign_in_link_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "sign_in_links" CASCADE;
  DROP TABLE "sign_in_link_requests" CASCADE;
  ALTER TABLE "products" DROP CONSTRAINT "products_image_id_media_id_fk";
  
  ALTER TABLE "_products_v" DROP CONSTRAINT "_products_v_version_image_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sign_in_links_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sign_in_link_requests_fk";
  
  DROP INDEX "products_image_idx";
  DROP INDEX "_products_v_version_version_image_idx";
  DROP INDEX "payload_locked_documents_rels_sign_in_links_id_idx";
  DROP INDEX "payload_locked_documents_rels_sign_in_link_requests_id_idx";
  ALTER TABLE "products" DROP COLUMN "image_id";
  ALTER TABLE "_products_v" DROP COLUMN "version_image_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sign_in_links_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sign_in_link_requests_id";`)
}
