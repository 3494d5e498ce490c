import { z } from 'zod'

import { DEV_STRIPE_WEBHOOK_SECRET, embeddedDatabaseUrl } from './devDefaults'

/**
 * Every environment variable the shop reads, validated once at start-up.
 * `.env.example` documents each one; keep the two in step.
 */
const DEV_PAYLOAD_SECRET = 'dev-only-secret-never-use-in-production'

const postgresUrl = z
  .string()
  .regex(
    /^postgres(ql)?:\/\/\S+$/,
    'must be a postgres:// connection string, e.g. postgres://user:pass@host:5432/db',
  )
const port = (hint: string) => z.coerce.number().int().min(1, hint).max(65535, hint)

/** `strict`: a running production server, where nothing may fall back to a development default. */
function envSchema(strict: boolean) {
  const required = <T extends z.ZodType>(schema: T) => (strict ? schema : schema.optional())
  return z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: required(postgresUrl),
    EMBEDDED_POSTGRES_PORT: port('must be a port number between 1 and 65535').default(54329),
    PAYLOAD_SECRET: strict
      ? z.string().min(32, 'must be at least 32 random characters (openssl rand -hex 32)')
      : z.string().min(1).default(DEV_PAYLOAD_SECRET),
    NEXT_PUBLIC_SERVER_URL: z
      .url({
        protocol: /^https?$/,
        error:
          'must be the absolute http(s) URL the shop is served from, e.g. http://localhost:3000',
      })
      .transform((url) => url.replace(/\/+$/, ''))
      .default('http://localhost:3000'),
    STORE_NAME: z.string().min(1).default('Payload Storefront'),
    SUPPORT_EMAIL: z
      .email({ error: 'must be an email address, e.g. support@your-domain.com' })
      .default('support@example.com'),
    PRODUCT_FILES_DIR: z.string().min(1).optional(),
    STRIPE_SECRET_KEY: required(
      z
        .string()
        .regex(
          /^(sk|rk)_(test|live)_\S+$/,
          'must be a Stripe secret key (sk_test_… or sk_live_…) from the Stripe dashboard → Developers → API keys',
        ),
    ),
    STRIPE_WEBHOOK_SECRET: strict
      ? z
          .string()
          .regex(
            /^whsec_\S+$/,
            'must be the webhook signing secret (whsec_…) of your Stripe webhook endpoint',
          )
      : z
          .string()
          .regex(/^whsec_\S+$/, 'must start with whsec_')
          .default(DEV_STRIPE_WEBHOOK_SECRET),
    STRIPE_API_HOST: z.string().min(1).optional(),
    STRIPE_API_PORT: port('must be a port number between 1 and 65535').optional(),
    STRIPE_API_PROTOCOL: z.enum(['http', 'https'], { error: 'must be http or https' }).optional(),
    STRIPE_EMULATOR_PORT: port('must be a port number between 1 and 65535').default(12111),
    RESEND_API_KEY: required(
      z.string().regex(/^re_\S+$/, 'must be a Resend API key (re_…) from resend.com → API Keys'),
    ),
    RESEND_BASE_URL: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL, e.g. the mail catcher at http://127.0.0.1:12112',
      })
      .optional(),
    EMAIL_FROM: strict
      ? z
          .string()
          .min(
            3,
            'must be the sender, e.g. "Shop <shop@your-domain.com>" on a domain verified in Resend',
          )
      : z.string().min(3).default('Payload Storefront <shop@example.com>'),
    MAIL_CATCHER_PORT: port('must be a port number between 1 and 65535').default(12112),
    // Tests run queued jobs themselves (tests/helpers/jobs.ts); a second runner polling every
    // second would take the same jobs and race them.
    JOBS_AUTORUN: z.stringbool({ error: 'must be true or false' }).default(true),
    // `npm run webhooks`: the port of the lean Stripe webhook receiver (src/webhookReceiver.ts).
    WEBHOOK_RECEIVER_PORT: port('must be a port number between 1 and 65535').default(3001),
    // `npm run bench`: serve POST /bench-floor and /api/bench-floor (src/benchFloor.ts).
    BENCH_FLOOR: z.stringbool({ error: 'must be true or false' }).default(false),
    // `npm run worker`: a job claimed this long ago by a worker that never finished it is run again.
    JOBS_STALLED_AFTER_SECONDS: z.coerce
      .number()
      .int()
      .min(1, 'must be a whole number of seconds, 1 or more')
      .default(300),
    // The reconciliation sweep: minutes between runs, or "off" (staff still press "Reconcile now").
    RECONCILIATION_EVERY_MINUTES: z
      .union([z.literal('off'), z.coerce.number().int().min(1)], {
        error: 'must be a number of minutes that divides an hour (5, 15, 30…) or "off"',
      })
      .default(15),
    // Where the sweep says it repaired something (a webhook went missing).
    RECONCILIATION_ALERT_EMAIL: z
      .email({ error: 'must be an email address, e.g. ops@your-domain.com' })
      .optional(),
    // A monitor's bearer token for GET /api/storefront/health.
    HEALTH_TOKEN: z
      .string()
      .min(32, 'must be at least 32 random characters (openssl rand -hex 32)')
      .optional(),
    // `npm run worker`: how many jobs one worker takes per round.
    JOBS_WORKER_BATCH_SIZE: z.coerce
      .number()
      .int()
      .min(1, 'must be a whole number of jobs, 1 or more')
      .default(20),
    // Product files in an S3-compatible bucket (src/storageEnv.ts); unset: on disk.
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).optional(),
    S3_ENDPOINT: z
      .url({
        protocol: /^https?$/,
        error: 'must be the http(s) URL of the S3 API, e.g. https://s3.eu-west-1.amazonaws.com',
      })
      .optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: z.stringbool({ error: 'must be true or false' }).default(false),
    S3_DELIVERY: z
      .enum(['stream', 'redirect'], {
        error: 'must be stream (through the app) or redirect (302 to a presigned URL)',
      })
      .default('stream'),
    S3_PRESIGNED_URL_SECONDS: z.coerce
      .number()
      .int()
      .min(1, 'must be a whole number of seconds from 1 to 3600')
      .max(3600, 'must be a whole number of seconds from 1 to 3600')
      .default(300),
  })
}

export type Env = z.infer<ReturnType<typeof envSchema>> & { DATABASE_URL: string }

/** Turns zod issues into one line per variable that names the variable and the fix. */
function describeIssues(error: z.ZodError, nodeEnv: string): string {
  const lines = error.issues.map((issue) => {
    const name = issue.path.join('.')
    const problem =
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message
    return `  - ${name} ${problem}.`
  })
  return [
    `Invalid environment (NODE_ENV=${nodeEnv}):`,
    ...lines,
    'Set these in .env (see .env.example) or in the process environment, then start again.',
  ].join('\n')
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings in .env files mean "unset", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''))
  const nodeEnv = cleaned.NODE_ENV ?? 'development'
  // `next build` runs with NODE_ENV=production but serves nobody: keys are demanded by `next start`.
  const strict = nodeEnv === 'production' && cleaned.NEXT_PHASE !== 'phase-production-build'
  const result = envSchema(strict).safeParse(cleaned)
  if (!result.success) throw new Error(describeIssues(result.error, nodeEnv))
  return {
    ...result.data,
    // Outside production the dev launcher (npm run dev) serves this URL from embedded PostgreSQL.
    DATABASE_URL:
      result.data.DATABASE_URL ?? embeddedDatabaseUrl(result.data.EMBEDDED_POSTGRES_PORT),
  }
}

export const env = parseEnv(process.env)
