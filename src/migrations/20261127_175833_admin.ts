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
  
  ALTER TABLE "products" ALTER COLUMN "currency" SET DEFAULT 'usd'::"public"."enum_products_currency";
  ALTER TABLE "products" ALTER COLUMN "currency" SET DATA TYPE "public"."enum_products_currency" USING "currency"::"public"."enum_products_currency";
  ALTER TABLE "products" ALTER COLUMN "stripe_price_verification_note" SET DEFAULT 'The price is created or checked in Stripe when the product is published.';
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DEFAULT 'usd'::"public"."enum__products_v_version_currency";
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DATA TYPE "public"."enum__products_v_version_currency" USING "version_currency"::"public"."enum__products_v_version_currency";
  ALTER TABLE "_products_v" ALTER COLUMN "version_stripe_price_verification_note" SET DEFAULT 'The price is created or checked in Stripe when the product is published.';
  ALTER TABLE "products" ADD COLUMN "stripe_product_id" varchar;
  ALTER TABLE "_products_v" ADD COLUMN "version_stripe_product_id" varchar;
  ALTER TABLE "purchases" ADD COLUMN "title" varchar;
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_status" "enum_purchases_payment_failed_email_status" DEFAULT 'not_sent';
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_sent_at" timestamp(3) with time zone;
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_resend_id" varchar;
  ALTER TABLE "purchases" ADD COLUMN "payment_failed_email_last_error" varchar;
  ALTER TABLE "purchases_staff_actions" ADD CONSTRAINT "purchases_staff_actions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "purchases_staff_actions" ADD CONSTRAINT "purchases_staff_actions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."purchases"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "purchases_staff_actions_order_idx" ON "purchases_staff_actions" USING btree ("_order");
  CREATE INDEX "purchases_staff_actions_parent_id_idx" ON "purchases_staff_actions" USING btree ("_parent_id");
  CREATE INDEX "purchases_staff_actions_by_idx" ON "purchases_staff_actions" USING btree ("by_id");
  CREATE UNIQUE INDEX "products_stripe_price_id_idx" ON "products" USING btree ("stripe_price_id");
  CREATE INDEX "_products_v_version_version_stripe_price_id_idx" ON "_products_v" USING btree ("version_stripe_price_id");
  CREATE INDEX "purchases_title_idx" ON "purchases" USING btree ("title");
  CREATE INDEX "purchases_customer_email_idx" ON "purchases" USING btree ("customer_email");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "purchases_staff_actions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "purchases_staff_actions" CASCADE;
  DROP INDEX "products_stripe_price_id_idx";
  DROP INDEX "_products_v_version_version_stripe_price_id_idx";
  DROP INDEX "purchases_title_idx";
  DROP INDEX "purchases_customer_email_idx";
  ALTER TABLE "products" ALTER COLUMN "currency" SET DATA TYPE varchar;
  ALTER TABLE "products" ALTER COLUMN "currency" SET DEFAULT 'usd';
  ALTER TABLE "products" ALTER COLUMN "stripe_price_verification_note" DROP DEFAULT;
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DATA TYPE varchar;
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DEFAULT 'usd';
  ALTER TABLE "_products_v" ALTER COLUMN "version_stripe_price_verification_note" DROP DEFAULT;
  ALTER TABLE "products" DROP COLUMN "stripe_product_id";
  ALTER TABLE "_products_v" DROP COLUMN "version_stripe_product_id";
  ALTER TABLE "purchases" DROP COLUMN "title";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_status";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_sent_at";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_resend_id";
  ALTER TABLE "purchases" DROP COLUMN "payment_failed_email_last_error";
  DROP TYPE "public"."enum_products_currency";
  DROP TYPE "public"."enum__products_v_version_currency";
  DROP TYPE "public"."enum_purchases_staff_actions_action";
  DROP TYPE "public"."enum_purchases_payment_failed_email_status";`)
}
