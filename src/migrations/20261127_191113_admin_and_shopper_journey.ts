import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_products_currency" AS ENUM('usd', 'eur', 'gbp', 'cad', 'aud', 'nzd', 'chf', 'sek', 'nok', 'dkk', 'pln', 'jpy', 'sgd', 'hkd', 'inr', 'brl', 'mxn');
  CREATE TYPE "public"."enum__products_v_version_currency" AS ENUM('usd', 'eur', 'gbp', 'cad', 'aud', 'nzd', 'chf', 'sek', 'nok', 'dkk', 'pln', 'jpy', 'sgd', 'hkd', 'inr', 'brl', 'mxn');
  CREATE TYPE "public"."enum_purchases_staff_actions_action" AS ENUM('resend_receipt', 'comp_grant', 'revoke', 'restore', 'refund');
  CREATE TYPE "public"."enum_purchases_payment_failed_email_status" AS ENUM('not_sent', 'sent', 'failed');
  CREATE TABLE "purchases_staff_actions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"action" "enum_purchases_staff_actions_action" NOT NULL,
  	"by_id" integer NOT NULL,
  	"by_email" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"reason" varchar NOT NULL,
  	"detail" varchar
  );
  
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
  
  ALTER TABLE "products" ALTER COLUMN "currency" SET DEFAULT 'usd'::"public"."enum_products_currency";
  ALTER TABLE "products" ALTER COLUMN "currency" SET DATA TYPE "public"."enum_products_currency" USING "currency"::"public"."enum_products_currency";
  ALTER TABLE "products" ALTER COLUMN "stripe_price_verification_note" SET DEFAULT 'The price is created or checked in Stripe when the product is published.';
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DEFAULT 'usd'::"public"."enum__products_v_version_currency";
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DATA TYPE "public"."enum__products_v_version_currency" USING "version_currency"::"public"."enum__products_v_version_currency";
  ALTER TABLE "_products_v" ALTER COLUMN "version_stripe_price_verification_note" SET DEFAULT 'The price is created or checked in Stripe when the product is published.';
  ALTER TABLE "products" ADD COLUMN "stripe_product_id" varchar;
  ALTER TABLE "products" ADD COLUMN "image_id" integer;
  ALTER TABLE "_products_v" ADD COLUMN "version_stripe_product_id" varchar;
  ALTER TABLE "_products_v" ADD COLUMN "version_image_id" integer;
  ALTER TABLE "purchases" ADD COLUMN "title" varchar;
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_status" "enum_purchases_payment_failed_email_status" DEFAULT 'not_sent';
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_sent_at" timestamp(3) with time zone;
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_resend_id" varchar;
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_last_error" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sign_in_links_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "sign_in_link_requests_id" integer;
  ALTER TABLE "purchases_staff_actions" ADD CONSTRAINT "purchases_staff_actions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchases_staff_actions" ADD CONSTRAINT "purchases_staff_actions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."purchases"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sign_in_links" ADD CONSTRAINT "sign_in_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "purchases_staff_actions_order_idx" ON "purchases_staff_actions" USING btree ("_order");
  CREATE INDEX "purchases_staff_actions_parent_id_idx" ON "purchases_staff_actions" USING btree ("_parent_id");
  CREATE INDEX "purchases_staff_actions_by_idx" ON "purchases_staff_actions" USING btree ("by_id");
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
  CREATE UNIQUE INDEX "products_stripe_price_id_idx" ON "products" USING btree ("stripe_price_id");
  CREATE INDEX "products_image_idx" ON "products" USING btree ("image_id");
  CREATE INDEX "_products_v_version_version_stripe_price_id_idx" ON "_products_v" USING btree ("version_stripe_price_id");
  CREATE INDEX "_products_v_version_version_image_idx" ON "_products_v" USING btree ("version_image_id");
  CREATE INDEX "purchases_title_idx" ON "purchases" USING btree ("title");
  CREATE INDEX "purchases_customer_email_idx" ON "purchases" USING btree ("customer_email");
  CREATE INDEX "payload_locked_documents_rels_sign_in_links_id_idx" ON "payload_locked_documents_rels" USING btree ("sign_in_links_id");
  CREATE INDEX "payload_locked_documents_rels_sign_in_link_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("sign_in_link_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "purchases_staff_actions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sign_in_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "sign_in_link_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "purchases_staff_actions" CASCADE;
  DROP TABLE "sign_in_links" CASCADE;
  DROP TABLE "sign_in_link_requests" CASCADE;
  ALTER TABLE "products" DROP CONSTRAINT "products_image_id_media_id_fk";
  
  ALTER TABLE "_products_v" DROP CONSTRAINT "_products_v_version_image_id_media_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sign_in_links_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_sign_in_link_requests_fk";
  
  DROP INDEX "products_stripe_price_id_idx";
  DROP INDEX "products_image_idx";
  DROP INDEX "_products_v_version_version_stripe_price_id_idx";
  DROP INDEX "_products_v_version_version_image_idx";
  DROP INDEX "purchases_title_idx";
  DROP INDEX "purchases_customer_email_idx";
  DROP INDEX "payload_locked_documents_rels_sign_in_links_id_idx";
  DROP INDEX "payload_locked_documents_rels_sign_in_link_requests_id_idx";
  ALTER TABLE "products" ALTER COLUMN "currency" SET DATA TYPE varchar;
  ALTER TABLE "products" ALTER COLUMN "currency" SET DEFAULT 'usd';
  ALTER TABLE "products" ALTER COLUMN "stripe_price_verification_note" DROP DEFAULT;
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DATA TYPE varchar;
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DEFAULT 'usd';
  ALTER TABLE "_products_v" ALTER COLUMN "version_stripe_price_verification_note" DROP DEFAULT;
  ALTER TABLE "products" DROP COLUMN "stripe_product_id";
  ALTER TABLE "products" DROP COLUMN "image_id";
  ALTER TABLE "_products_v" DROP COLUMN "version_stripe_product_id";
  ALTER TABLE "_products_v" DROP COLUMN "version_image_id";
  ALTER TABLE "purchases" DROP COLUMN "title";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_status";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_sent_at";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_resend_id";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_last_error";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sign_in_links_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "sign_in_link_requests_id";
  DROP TYPE "public"."enum_products_currency";
  DROP TYPE "public"."enum__products_v_version_currency";
  DROP TYPE "public"."enum_purchases_staff_actions_action";
  DROP TYPE "public"."enum_purchases_payment_failed_email_status";`)
}
