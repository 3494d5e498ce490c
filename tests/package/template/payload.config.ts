/**
 * A second Payload app that adopts the plugin the way the README tells a developer to: a users
 * collection with `roles`, PostgreSQL through @payloadcms/db-postgres, migrations in its own
 * folder, and `storefront()` from the installed package. No Next pages: Payload's REST handler
 * serves the plugin's endpoints. Everything comes from env (tests/package/secondApp.test.ts).
 */
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type PayloadRequest } from 'payload'
import { storefront } from 'payload-plugin-storefront'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Roles are staff powers: only an admin grants them (this shop's src/collections/users does more). */
const isAdmin = ({ req: { user } }: { req: PayloadRequest }): boolean =>
  Boolean((user as { roles?: string[] } | null)?.roles?.includes('admin'))

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`Set ${name} for the second app.`)
  return value
}

export default buildConfig({
  secret: required('PAYLOAD_SECRET'),
  serverURL: required('SERVER_URL'),
  admin: { user: 'users' },
  // The products' description is a rich text field; it uses the app's editor, as any Payload app has.
  editor: lexicalEditor(),
  collections: [
    {
      slug: 'users',
      auth: true,
      access: {
        create: isAdmin,
        update: (args) => isAdmin(args) || { id: { equals: args.req.user?.id } },
        delete: isAdmin,
      },
      fields: [
        {
          // What the plugin's access rules read (editorRoles, staffRoles).
          name: 'roles',
          type: 'select',
          hasMany: true,
          options: ['admin', 'editor', 'support', 'customer'],
          defaultValue: ['customer'],
          required: true,
          access: { create: isAdmin, update: isAdmin },
        },
      ],
    },
  ],
  db: postgresAdapter({
    pool: { connectionString: required('DATABASE_URL') },
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  plugins: [
    storefront({
      productFilesDir: required('PRODUCT_FILES_DIR'),
      storeName: 'Second App',
      // The scenario runs the queue itself, so it can count the receipt job before it runs.
      jobsAutoRunCron: false,
      stripe: {
        secretKey: required('STRIPE_SECRET_KEY'),
        webhookSecret: required('STRIPE_WEBHOOK_SECRET'),
        host: required('STRIPE_API_HOST'),
        port: Number(required('STRIPE_API_PORT')),
        protocol: 'http',
      },
      email: {
        resendApiKey: required('RESEND_API_KEY'),
        baseUrl: required('RESEND_BASE_URL'),
        from: 'Second App <shop@test.example>',
      },
    }),
  ],
})
