import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_products_stripe_price_verification" AS ENUM('verified', 'unchecked');
  CREATE TYPE "public"."enum__products_v_version_stripe_price_verification" AS ENUM('verified', 'unchecked');
  ALTER TABLE "products" ADD COLUMN "stripe_price_verification" "enum_products_stripe_price_verification" DEFAULT 'unchecked';
  ALTER TABLE "products" ADD COLUMN "stripe_price_verification_note" varchar;
  ALTER TABLE "products" ADD COLUMN "stripe_price_verified_at" timestamp(3) with time zone;
  ALTER TABLE "_products_v" ADD COLUMN "version_stripe_price_verification" "enum__products_v_version_stripe_price_verification" DEFAULT 'unchecked';
  ALTER TABLE "_products_v" ADD COLUMN "version_stripe_price_verification_note" varchar;
  ALTER TABLE "_products_v" ADD COLUMN "version_stripe_price_verified_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "products" DROP COLUMN "stripe_price_verification";
  ALTER TABLE "products" DROP COLUMN "stripe_price_verification_note";
  ALTER TABLE "products" DROP COLUMN "stripe_price_verified_at";
  ALTER TABLE "_products_v" DROP COLUMN "version_stripe_price_verification";
  ALTER TABLE "_products_v" DROP COLUMN "version_stripe_price_verification_note";
  ALTER TABLE "_products_v" DROP COLUMN "version_stripe_price_verified_at";
  DROP TYPE "public"."enum_products_stripe_price_verification";
  DROP TYPE "public"."enum__products_v_version_stripe_price_verification";`)
}
