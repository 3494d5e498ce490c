import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { Media } from './src/collections/Media'
import { Users } from './src/collections/users/Users'
import { env } from './src/env'
import { createResendEmailAdapter, storefront } from './src/storefront'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Receipts and Payload's own emails share it (offline: the mail catcher). */
const emailConnection = {
  resendApiKey: env.RESEND_API_KEY,
  baseUrl: env.RESEND_BASE_URL,
  from: env.EMAIL_FROM,
}

export default buildConfig({
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ` · ${env.STORE_NAME}` },
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
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  graphQL: { schemaOutputFile: path.resolve(dirname, 'src/generated-schema.graphql') },
  plugins: [
    storefront({
      productFilesDir: path.resolve(
        env.PRODUCT_FILES_DIR ?? path.join(dirname, 'private/products'),
      ),
      storeName: env.STORE_NAME,
      email: emailConnection,
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
