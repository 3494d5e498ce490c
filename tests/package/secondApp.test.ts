/**
 * Issue 13, point 2: the plugin as a package, in a Payload app that is not this shop. Builds and
 * packs it with the repository's one command (`npm run pack:plugin`), installs the tarball with
 * npm into a copy of tests/package/template, generates and applies that app's migrations with the
 * payload CLI, and runs its money path (template/scenario.ts) in a child process: its own Payload,
 * config and module graph, talking to this run's PostgreSQL, Stripe emulator and mail catcher.
 *
 * Only the tarball is installed from npm (with its own dependencies, from npm's cache when it has
 * them). The host packages an adopter already has (payload, @payloadcms/db-postgres, next, stripe,
 * resend, ...) are linked from this repository's node_modules: installing Payload from the
 * registry takes minutes, and root `npm ci` has already checked these versions against the
 * package's peerDependencies (it is a workspace of the root).
 */
import { execFile } from 'node:child_process'
import { randomBytes, createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { createMailCatcher, type MailCatcher } from '@/dev/mailCatcher'

import { catcherTranscript } from '../helpers/mailCatcher'
import { TEST_WEBHOOK_SECRET } from '../setup/TEST_WEBHOOK_SECRET'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const template = path.join(import.meta.dirname, 'template')
const pluginSource = path.join(root, 'src/storefront')

/** What the template imports that an adopter's app already has, besides the plugin's peers. */
const APP_PACKAGES = ['@payloadcms/next', '@payloadcms/richtext-lexical']

type Step = { stdout: string; stderr: string }

/**
 * This process's environment without what `npm test` adds for its own script (npm_config_*,
 * npm_package_*, INIT_CWD): an npm started in the second app must see that app, not this one.
 */
function ownEnv(): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$)/i.test(name)),
  )
}

async function step(command: string, args: string[], options: { cwd: string; env?: object }) {
  try {
    return (await run(command, args, {
      cwd: options.cwd,
      env: { ...(options.env ?? ownEnv()) } as NodeJS.ProcessEnv,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    })) as Step
  } catch (error) {
    const failed = error as Error & Partial<Step>
    throw new Error(
      `${command} ${args.join(' ')} failed in ${options.cwd}:\n${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`,
    )
  }
}

async function linkPackage(app: string, name: string): Promise<void> {
  const link = path.join(app, 'node_modules', name)
  await fs.mkdir(path.dirname(link), { recursive: true })
  await fs.symlink(path.join(root, 'node_modules', name), link, 'dir')
}

let app: string
let tarball: string
let databaseName: string
let databaseUrl: string
let appEnv: Record<string, string>
/**
 * The second app's own "Resend account": its database numbers purchases from 1 again, and Resend
 * (like the catcher) refuses a receipt whose idempotency key another database already used with
 * other content (README, Known limitations).
 */
let mail: MailCatcher
const fileBytes = randomBytes(256 * 1024 + 123)
const productFile = 'second-app-pack.zip'

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  app = await fs.mkdtemp(path.join(os.tmpdir(), 'storefront-second-app-'))
  databaseName = `storefront_second_app_${Date.now()}_${process.pid}`
  await adminQuery(`CREATE DATABASE "${databaseName}"`)
  const url = new URL(inject('databaseUrl'))
  url.pathname = `/${databaseName}`
  databaseUrl = url.toString()
  mail = await createMailCatcher({
    log: () => {},
    verifiedDomains: ['test.example'],
    transcript: catcherTranscript('second app'),
  })
})

afterAll(async () => {
  await adminQuery(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)
  await fs.rm(app, { recursive: true, force: true })
  await mail?.close()
})

describe('the packed plugin in a second Payload app', () => {
  it('builds and packs with one command: dist, types and docs, no sources', async () => {
    const startedAt = Date.now() - 1000 // file times are rounded by some file systems
    const packed = await step('npm', ['run', '--silent', 'pack:plugin', '--', '--json'], {
      cwd: root,
    })
    const [manifest] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as Array<{
      filename: string
      files: Array<{ path: string }>
    }>
    tarball = path.join(root, '.data/pack', manifest.filename)
    // Built just now (prepack runs the build), not left over from an earlier run.
    const built = await fs.stat(path.join(pluginSource, 'dist/index.js'))
    expect(built.mtimeMs).toBeGreaterThanOrEqual(startedAt)
    expect((await fs.stat(tarball)).mtimeMs).toBeGreaterThanOrEqual(built.mtimeMs)
    const files = manifest.files.map((file) => file.path)
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        'README.md',
        'CHANGELOG.md',
        'LICENSE',
      ]),
    )
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([])
  }, 300_000)

  it('installs from the tarball into a copy of the template', async () => {
    await fs.cp(template, app, { recursive: true })
    await step(
      'npm',
      [
        'install',
        tarball,
        '--no-package-lock',
        '--legacy-peer-deps',
        '--prefer-offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
      ],
      { cwd: app },
    )
    const installed = path.join(app, 'node_modules/payload-plugin-storefront')
    expect((await fs.lstat(installed)).isSymbolicLink()).toBe(false)
    const manifest = JSON.parse(
      await fs.readFile(path.join(installed, 'package.json'), 'utf8'),
    ) as {
      peerDependencies: Record<string, string>
    }
    for (const name of [...Object.keys(manifest.peerDependencies), ...APP_PACKAGES]) {
      await linkPackage(app, name)
    }
    // Plain Node ESM, no TypeScript loader: the payload CLI runs the app under tsx, which would
    // also resolve the extensionless relative imports a build without tsc-alias leaves in dist.
    const loaded = await step(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "console.log(JSON.stringify(Object.keys(await import('payload-plugin-storefront'))))",
      ],
      { cwd: app },
    )
    expect(JSON.parse(loaded.stdout)).toEqual(
      expect.arrayContaining([
        'storefront',
        'createResendEmailAdapter',
        'fulfilReturningShopper',
        'describeDownload',
      ]),
    )

    // As npm would for an installed payload: `npm run migrate` in the app finds the CLI.
    await fs.mkdir(path.join(app, 'node_modules/.bin'), { recursive: true })
    await fs.symlink('../payload/bin.js', path.join(app, 'node_modules/.bin/payload'))

    const productFilesDir = path.join(app, 'private/products')
    await fs.mkdir(productFilesDir, { recursive: true })
    await fs.writeFile(path.join(productFilesDir, productFile), fileBytes)
    appEnv = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      NODE_ENV: 'test',
      // Lexical's builds resolved directly: see src/dev/lexicalBuilds.ts (Node 20 stalls otherwise).
      NODE_OPTIONS: '--conditions=development',
      PAYLOAD_SECRET: 'second-app-secret-of-at-least-32-characters',
      SERVER_URL: 'http://localhost:3000',
      DATABASE_URL: databaseUrl,
      PRODUCT_FILES_DIR: productFilesDir,
      PRODUCT_FILE_NAME: productFile,
      STRIPE_SECRET_KEY: 'sk_test_emulator',
      STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(inject('stripeEmulatorPort')),
      STRIPE_EMULATOR_URL: inject('stripeEmulatorUrl'),
      RESEND_API_KEY: 're_second_app',
      RESEND_BASE_URL: mail.url,
    }
  }, 300_000)

  it('generates and applies its migrations with the payload CLI', async () => {
    await step('npm', ['run', 'migrate:create', '--', 'storefront'], { cwd: app, env: appEnv })
    const migrations = await fs.readdir(path.join(app, 'migrations'))
    expect(migrations.filter((name) => /_storefront\.ts$/.test(name))).toHaveLength(1)
    await step('npm', ['run', 'migrate'], { cwd: app, env: appEnv })

    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public'",
      )
      expect(rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'users',
          'users_roles',
          'products',
          'product_files',
          'purchases',
          'downloads',
          'stripe_events',
          'payload_jobs',
          'payload_migrations',
        ]),
      )
      const applied = await client.query<{ name: string }>(
        "select name from payload_migrations where name like '%_storefront'",
      )
      expect(applied.rows).toHaveLength(1)
    } finally {
      await client.end()
    }
  }, 300_000)

  it('sells a product through REST: checkout, signed webhook, one purchase, one receipt, download', async () => {
    // `payload run scenario.ts`: Payload's CLI runs a script in the app's own process.
    const { stdout } = await step('npm', ['run', 'scenario'], { cwd: app, env: appEnv })
    const line = stdout.split('\n').find((text) => text.startsWith('RESULT '))
    expect(line, stdout).toBeDefined()
    const result = JSON.parse(line!.slice('RESULT '.length))

    // The plugin this app ran is the tarball's build, not this repository's source.
    const installedEntry = await fs.realpath(
      path.join(app, 'node_modules/payload-plugin-storefront/dist/index.js'),
    )
    expect(result.pluginEntry).toBe(installedEntry)
    expect(result.pluginEntry.startsWith(await fs.realpath(pluginSource))).toBe(false)

    expect(result.anonymousCheckout.status).toBe(401)
    expect(result.anonymousCheckout.body.loginUrl).toMatch(/^\/login\?callbackUrl=/)
    expect(result.checkout.status).toBe(200)
    // The emulator's hosted page for the session Stripe created (checkout.stripe.com in production).
    expect(new URL(result.checkout.url).pathname).toMatch(/^\/checkout\/cs_test_/)
    expect(result.paidStatus).toBe(303)
    expect(result.sessionUserId).toBe(result.buyerId)

    expect(result.webhook).toEqual({ status: 200, body: { received: true } })
    expect(result.webhookReplay).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    })
    expect(result.purchases).toEqual([
      expect.objectContaining({ status: 'paid', user: Number(result.buyerId) }),
    ])
    expect(result.receiptJobs).toBe(1)
    expect(result.receiptAfterJobs, JSON.stringify(result.receiptAfterJobs)).toMatchObject({
      status: 'sent',
    })
    expect(result.receiptsSent).toHaveLength(1)

    expect(result.ownerDownload).toEqual({
      status: 200,
      contentDisposition: `attachment; filename=${productFile}`,
      length: fileBytes.length,
      sha256: createHash('sha256').update(fileBytes).digest('hex'),
    })
    expect(result.strangerDownload.status).toBe(403)
  }, 300_000)
})
