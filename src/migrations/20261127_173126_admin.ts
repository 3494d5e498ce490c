import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_products_currency" AS ENUM('usd', 'eur', 'gbp', 'cad', 'aud', 'nzd', 'chf', 'sek', 'nok', 'dkk', 'pln', 'jpy', 'sgd', 'hkd', 'inr', 'brl', 'mxn');
  CREATE TYPE "public"."enum__products_v_version_currency" AS ENUM('usd', 'eur', 'gbp', 'cad', 'aud', 'nzd', 'chf', 'sek', 'nok', 'dkk', 'pln', 'jpy', 'sgd', 'hkd', 'inr', 'brl', 'mxn');
  ALTER TABLE "products" ALTER COLUMN "currency" SET DEFAULT 'usd'::"public"."enum_products_currency";
  ALTER TABLE "products" ALTER COLUMN "currency" SET DATA TYPE "public"."enum_products_currency" USING "currency"::"public"."enum_products_currency";
  ALTER TABLE "products" ALTER COLUMN "stripe_price_verification_note" SET DEFAULT 'The price is created or checked in Stripe when the product is published.';
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DEFAULT 'usd'::"public"."enum__products_v_version_currency";
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DATA TYPE "public"."enum__products_v_version_currency" USING "version_currency"::"public"."enum__products_v_version_currency";
  ALTER TABLE "_products_v" ALTER COLUMN "version_stripe_price_verification_note" SET DEFAULT 'The price is created or checked in Stripe when the product is published.';
  ALTER TABLE "products" ADD COLUMN "stripe_product_id" varchar;
  ALTER TABLE "_products_v" ADD COLUMN "version_stripe_product_id" varchar;
  CREATE UNIQUE INDEX "products_stripe_price_id_idx" ON "products" USING btree ("stripe_price_id");
  CREATE INDEX "_products_v_version_version_stripe_price_id_idx" ON "_products_v" USING btree ("version_stripe_price_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "products_stripe_price_id_idx";
  DROP INDEX "_products_v_version_version_stripe_price_id_idx";
  ALTER TABLE "products" ALTER COLUMN "currency" SET DATA TYPE varchar;
  ALTER TABLE "products" ALTER COLUMN "currency" SET DEFAULT 'usd';
  ALTER TABLE "products" ALTER COLUMN "stripe_price_verification_note" DROP DEFAULT;
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DATA TYPE varchar;
  ALTER TABLE "_products_v" ALTER COLUMN "version_currency" SET DEFAULT 'usd';
  ALTER TABLE "_products_v" ALTER COLUMN "version_stripe_price_verification_note" DROP DEFAULT;
  ALTER TABLE "products" DROP COLUMN "stripe_product_id";
  ALTER TABLE "_products_v" DROP COLUMN "version_stripe_product_id";
  DROP TYPE "public"."enum_products_currency";
  DROP TYPE "public"."enum__products_v_version_currency";`)
}
