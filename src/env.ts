import { z } from 'zod'

import { embeddedDatabaseUrl } from './dev/embeddedDatabaseUrl'

/**
 * Every environment variable the shop reads, validated once at start-up.
 * `.env.example` documents each one; keep the two in step.
 */
const DEV_PAYLOAD_SECRET = 'dev-only-secret-never-use-in-production'

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection string, e.g. postgres://user:pass@host:5432/db')

function envSchema(isProduction: boolean) {
  return z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: isProduction ? postgresUrl : postgresUrl.optional(),
  EMBEDDED_POSTGRES_PORT: z.coerce
    .number()
    .int()
    .min(1024, 'must be a port number between 1024 and 65535')
    .max(65535, 'must be a port number between 1024 and 65535')
    .default(54329),
  PAYLOAD_SECRET: isProduction
    ? z.string().min(32, 'must be at least 32 random characters (openssl rand -hex 32)')
    : z.string().min(1).default(DEV_PAYLOAD_SECRET),
  NEXT_PUBLIC_SERVER_URL: z
    .url({ protocol: /^https?$/, error: 'must be the absolute http(s) URL the shop is served from, e.g. http://localhost:3000' })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('http://localhost:3000'),
  STORE_NAME: z.string().min(1).default('Payload Storefront'),
  })
}

export type Env = z.infer<ReturnType<typeof envSchema>> & { DATABASE_URL: string }

/** Turns zod issues into one message per variable that names the variable and the fix. */
function describeIssues(error: z.ZodError, nodeEnv: string): string {
  const lines = error.issues.map((issue) => {
    const name = issue.path.join('.')
    const problem = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message
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
  const result = envSchema(nodeEnv === 'production').safeParse(cleaned)
  if (!result.success) throw new Error(describeIssues(result.error, nodeEnv))
  return {
    ...result.data,
    // Outside production the dev launcher (npm run dev) serves this URL from embedded PostgreSQL.
    DATABASE_URL: result.data.DATABASE_URL ?? embeddedDatabaseUrl(result.data.EMBEDDED_POSTGRES_PORT),
  }
}

export const env = parseEnv(process.env)
