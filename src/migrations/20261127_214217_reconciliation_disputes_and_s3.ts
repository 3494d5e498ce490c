import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_purchases_dispute_evidence_status" AS ENUM('drafted', 'submitted', 'submit_failed');
  CREATE TYPE "public"."enum_reconciliation_runs_problems_kind" AS ENUM('error', 'skipped');
  CREATE TYPE "public"."enum_reconciliation_runs_trigger" AS ENUM('schedule', 'staff');
  CREATE TYPE "public"."enum_reconciliation_runs_status" AS ENUM('running', 'succeeded', 'failed');
  CREATE TYPE "public"."enum_reconciliation_runs_alert_status" AS ENUM('not_needed', 'no_address', 'sent', 'failed');
  ALTER TYPE "public"."enum_purchases_staff_actions_action" ADD VALUE 'dispute_evidence';
  ALTER TYPE "public"."enum_downloads_outcome" ADD VALUE 'redirected';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'storefrontReconcile';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'storefrontReconcile';
  CREATE TABLE "stripe_events_replays" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"by_id" integer NOT NULL,
  	"by_email" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"reason" varchar NOT NULL,
  	"result" varchar
  );
  
  CREATE TABLE "reconciliation_runs_repairs" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" varchar NOT NULL,
  	"ref" varchar NOT NULL,
  	"purchase_id" integer,
  	"note" varchar
  );
  
  CREATE TABLE "reconciliation_runs_problems" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"ref" varchar NOT NULL,
  	"kind" "enum_reconciliation_runs_problems_kind" NOT NULL,
  	"message" varchar NOT NULL
  );
  
  CREATE TABLE "reconciliation_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"trigger" "enum_reconciliation_runs_trigger" NOT NULL,
  	"started_by_id" integer,
  	"status" "enum_reconciliation_runs_status" DEFAULT 'running' NOT NULL,
  	"window_start" timestamp(3) with time zone NOT NULL,
  	"window_end" timestamp(3) with time zone NOT NULL,
  	"finished_at" timestamp(3) with time zone,
  	"sessions_seen" numeric,
  	"purchases_repaired" numeric,
  	"purchases_settled" numeric,
  	"events_repaired" numeric,
  	"error_count" numeric,
  	"alert_status" "enum_reconciliation_runs_alert_status" DEFAULT 'not_needed',
  	"alert_to" varchar,
  	"alert_resend_id" varchar,
  	"alert_last_error" varchar,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "product_files" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "product_files" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "purchases" ADD COLUMN "status_reason" varchar;
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_dispute_id" varchar;
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_status" "enum_purchases_dispute_evidence_status";
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_drafted_at" timestamp(3) with time zone;
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_evidence" jsonb;
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_submitted_at" timestamp(3) with time zone;
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_submitted_by_email" varchar;
  ALTER TABLE "purchases" ADD COLUMN "dispute_evidence_last_error" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reconciliation_runs_id" integer;
  ALTER TABLE "stripe_events_replays" ADD CONSTRAINT "stripe_events_replays_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stripe_events_replays" ADD CONSTRAINT "stripe_events_replays_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stripe_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reconciliation_runs_repairs" ADD CONSTRAINT "reconciliation_runs_repairs_purchase_id_purchases_id_fk" FOREIGN KEY ("purchase_id") REFERENCES "public"."purchases"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliation_runs_repairs" ADD CONSTRAINT "reconciliation_runs_repairs_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reconciliation_runs_problems" ADD CONSTRAINT "reconciliation_runs_problems_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "stripe_events_replays_order_idx" ON "stripe_events_replays" USING btree ("_order");
  CREATE INDEX "stripe_events_replays_parent_id_idx" ON "stripe_events_replays" USING btree ("_parent_id");
  CREATE INDEX "stripe_events_replays_by_idx" ON "stripe_events_replays" USING btree ("by_id");
  CREATE INDEX "reconciliation_runs_repairs_order_idx" ON "reconciliation_runs_repairs" USING btree ("_order");
  CREATE INDEX "reconciliation_runs_repairs_parent_id_idx" ON "reconciliation_runs_repairs" USING btree ("_parent_id");
  CREATE INDEX "reconciliation_runs_repairs_purchase_idx" ON "reconciliation_runs_repairs" USING btree ("purchase_id");
  CREATE INDEX "reconciliation_runs_problems_order_idx" ON "reconciliation_runs_problems" USING btree ("_order");
  CREATE INDEX "reconciliation_runs_problems_parent_id_idx" ON "reconciliation_runs_problems" USING btree ("_parent_id");
  CREATE INDEX "reconciliation_runs_started_by_idx" ON "reconciliation_runs" USING btree ("started_by_id");
  CREATE INDEX "reconciliation_runs_status_idx" ON "reconciliation_runs" USING btree ("status");
  CREATE INDEX "reconciliation_runs_window_end_idx" ON "reconciliation_runs" USING btree ("window_end");
  CREATE INDEX "reconciliation_runs_finished_at_idx" ON "reconciliation_runs" USING btree ("finished_at");
  CREATE INDEX "reconciliation_runs_updated_at_idx" ON "reconciliation_runs" USING btree ("updated_at");
  CREATE INDEX "reconciliation_runs_created_at_idx" ON "reconciliation_runs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reconciliation_runs_fk" FOREIGN KEY ("reconciliation_runs_id") REFERENCES "public"."reconciliation_runs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_reconciliation_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("reconciliation_runs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "stripe_events_replays" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliation_runs_repairs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliation_runs_problems" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliation_runs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "stripe_events_replays" CASCADE;
  DROP TABLE "reconciliation_runs_repairs" CASCADE;
  DROP TABLE "reconciliation_runs_problems" CASCADE;
  DROP TABLE "reconciliation_runs" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reconciliation_runs_fk";
  
  ALTER TABLE "purchases_staff_actions" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_purchases_staff_actions_action";
  CREATE TYPE "public"."enum_purchases_staff_actions_action" AS ENUM('resend_receipt', 'comp_grant', 'revoke', 'restore', 'refund');
  ALTER TABLE "purchases_staff_actions" ALTER COLUMN "action" SET DATA TYPE "public"."enum_purchases_staff_actions_action" USING "action"::"public"."enum_purchases_staff_actions_action";
  ALTER TABLE "downloads" ALTER COLUMN "outcome" SET DATA TYPE text;
  DROP TYPE "public"."enum_downloads_outcome";
  CREATE TYPE "public"."enum_downloads_outcome" AS ENUM('completed', 'aborted');
  ALTER TABLE "downloads" ALTER COLUMN "outcome" SET DATA TYPE "public"."enum_downloads_outcome" USING "outcome"::"public"."enum_downloads_outcome";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'storefrontSendPurchaseReceipt', 'storefrontSendPaymentFailedEmail');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'storefrontSendPurchaseReceipt', 'storefrontSendPaymentFailedEmail');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_reconciliation_runs_id_idx";
  ALTER TABLE "product_files" DROP COLUMN "prefix";
  ALTER TABLE "product_files" DROP COLUMN "_objectkey";
  ALTER TABLE "purchases" DROP COLUMN "status_reason";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_dispute_id";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_status";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_drafted_at";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_evidence";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_submitted_at";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_submitted_by_email";
  ALTER TABLE "purchases" DROP COLUMN "dispute_evidence_last_error";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reconciliation_runs_id";
  DROP TYPE "public"."enum_purchases_dispute_evidence_status";
  DROP TYPE "public"."enum_reconciliation_runs_problems_kind";
  DROP TYPE "public"."enum_reconciliation_runs_trigger";
  DROP TYPE "public"."enum_reconciliation_runs_status";
  DROP TYPE "public"."enum_reconciliation_runs_alert_status";`)
}
