import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_stripe_events_outcome" ADD VALUE 'deferred';
  ALTER TABLE "stripe_events" ADD COLUMN "payment_intent_id" varchar;
  CREATE INDEX "stripe_events_payment_intent_id_idx" ON "stripe_events" USING btree ("payment_intent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DATA TYPE text;
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DEFAULT 'received'::text;
  DROP TYPE "public"."enum_stripe_events_outcome";
  CREATE TYPE "public"."enum_stripe_events_outcome" AS ENUM('received', 'processed', 'ignored', 'rejected', 'failed');
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DEFAULT 'received'::"public"."enum_stripe_events_outcome";
  ALTER TABLE "stripe_events" ALTER COLUMN "outcome" SET DATA TYPE "public"."enum_stripe_events_outcome" USING "outcome"::"public"."enum_stripe_events_outcome";
  DROP INDEX "stripe_events_payment_intent_id_idx";
  ALTER TABLE "stripe_events" DROP COLUMN "payment_intent_id";`)
}
