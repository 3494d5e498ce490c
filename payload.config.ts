import type { ValidationRule } from 'graphql'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { GraphQLError } from 'graphql'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Payload } from 'payload'

import { Media } from './src/collections/Media'
import { withProductImage } from './src/collections/productImage'
import { hardenPayloadInternals } from './src/collections/payloadInternals'
import { hasRole } from './src/collections/users/hasRole'
import { hideAccountExistenceOnLogin } from './src/collections/users/login'
import { Users } from './src/collections/users/Users'
import { benchFloorEndpoints } from './src/benchFloor'
import { env } from './src/env'
import { productFilesS3FromEnv } from './src/productFilesS3'
import { createResendEmailAdapter, storefront } from 'payload-plugin-storefront'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Receipts and Payload's own emails share it (offline: the mail catcher). */
const emailConnection = {
  resendApiKey: env.RESEND_API_KEY,
  baseUrl: env.RESEND_BASE_URL,
  from: env.EMAIL_FROM,
}

/**
 * GraphQL cost limits. Nothing in the shop needs GraphQL (pages use the Local API, the admin REST),
 * so a query may cost little: Payload's default 1000 lets one request fan out into a thousand
 * aliased reads. Aliases are capped on their own too, since they multiply any query.
 */
const GRAPHQL_MAX_COMPLEXITY = 250
const GRAPHQL_MAX_ALIASES = 20

const limitAliases: ValidationRule = (context) => {
  let aliases = 0
  return {
    Field(node) {
      if (node.alias && ++aliases === GRAPHQL_MAX_ALIASES + 1) {
        context.reportError(
          new GraphQLError(
            `A query may use at most ${GRAPHQL_MAX_ALIASES} aliases; split it into several requests.`,
            { nodes: [node] },
          ),
        )
      }
    },
  }
}

type ErrorEmitter = { on: (event: 'error', listener: (error: Error) => void) => unknown }
type PostgresPool = ErrorEmitter & {
  on: (event: 'connect', listener: (client: ErrorEmitter) => void) => unknown
}

/**
 * When PostgreSQL restarts, every open connection errors. node-postgres reports that as an 'error'
 * event (on the pool for an idle connection, on the connection itself for one in use), and an
 * 'error' event nobody listens to ends the process: the shop would go down with its database
 * instead of answering 5xx (Stripe retries) and carrying on once it is back. The pool drops broken
 * connections and opens new ones by itself; here they are only logged.
 */
function keepServingWhenPostgresRestarts(payload: Payload): void {
  const pool = (payload.db as { pool?: PostgresPool }).pool
  if (!pool) return
  const log = (error: Error) =>
    payload.logger.warn(
      { err: error },
      'A database connection failed (PostgreSQL restarted?); it will be replaced.',
    )
  pool.on('error', log)
  pool.on('connect', (client) => client.on('error', log))
}

const config = buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ` · ${env.STORE_NAME}` },
    components: {
      // Customers who open /admin get a way back to the shop instead of a dead end.
      views: {
        unauthorized: {
          Component: '/src/components/admin/ShopUnauthorizedView#ShopUnauthorizedView',
        },
      },
    },
    // Payload's default is gravatar.com: an image from the internet for every staff member.
    avatar: 'default',
  },
  collections: [Users, Media],
  editor: lexicalEditor(),
  email: createResendEmailAdapter(emailConnection),
  secret: env.PAYLOAD_SECRET,
  // Both set: with an empty csrf list Payload would accept the auth cookie from any origin.
  serverURL: env.NEXT_PUBLIC_SERVER_URL,
  csrf: [env.NEXT_PUBLIC_SERVER_URL],
  cors: [env.NEXT_PUBLIC_SERVER_URL],
  db: postgresAdapter({
    pool: { connectionString: env.DATABASE_URL },
    // The schema changes only through committed migrations (src/migrations), never by push.
    push: false,
    migrationDir: path.resolve(dirname, 'src/migrations'),
  }),
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
    // Generated on purpose (npm run generate:types) and committed; next dev must not rewrite it.
    autoGenerate: false,
  },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql'),
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    validationRules: () => [limitAliases],
    // Payload's defaults, stated so that a change of defaults cannot turn them back on.
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
  },
  endpoints: benchFloorEndpoints(env.BENCH_FLOOR),
  onInit: keepServingWhenPostgresRestarts,
  // Login answers the same for an unknown email, a wrong password and a locked account (GraphQL).
  hooks: { afterError: [hideAccountExistenceOnLogin] },
  jobs: {
    // GET /api/payload-jobs/run would otherwise let any signed-in user (a customer) run the queue.
    access: { run: ({ req: { user } }) => hasRole(user, 'admin') },
  },
  plugins: [
    storefront({
      productFilesDir: path.resolve(
        env.PRODUCT_FILES_DIR ?? path.join(dirname, 'private/products'),
      ),
      // Unset S3_BUCKET: on disk in productFilesDir.
      s3: productFilesS3FromEnv(env),
      storeName: env.STORE_NAME,
      supportEmail: env.SUPPORT_EMAIL,
      overrideProductsCollection: withProductImage,
      // Off where something else runs the jobs queue (the test suite runs it step by step).
      ...(env.JOBS_AUTORUN ? {} : { jobsAutoRunCron: false }),
      email: emailConnection,
      reconciliation: {
        everyMinutes:
          env.RECONCILIATION_EVERY_MINUTES === 'off' ? false : env.RECONCILIATION_EVERY_MINUTES,
        alertEmail: env.RECONCILIATION_ALERT_EMAIL,
      },
      health: { token: env.HEALTH_TOKEN },
      stripe: {
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        host: env.STRIPE_API_HOST,
        port: env.STRIPE_API_PORT,
        protocol: env.STRIPE_API_PROTOCOL,
      },
    }),
  ],
})

// Payload adds its own collections (edit locks, migrations) while sanitizing: their access and
// the list limit are set on the sanitized config.
export default config.then(hardenPayloadInternals)
