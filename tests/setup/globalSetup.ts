import type { TestProject } from 'vitest/node'

import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { startEmbeddedPostgres } from '../../src/dev/embeddedPostgres'
import { createMailCatcher } from '../../src/dev/mailCatcher'
import { createStripeEmulator } from '../../src/dev/stripeEmulator'
import { TEST_WEBHOOK_SECRET } from './TEST_WEBHOOK_SECRET'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    productFilesDir: string
    stripeEmulatorUrl: string
    stripeEmulatorPort: number
    mailCatcherUrl: string
  }
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
    const port = Number(process.env.EMBEDDED_POSTGRES_TEST_PORT || 54330)
    const postgres = await startEmbeddedPostgres({
      dataDir: '.data/postgres-test',
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

  // The network boundary stand-ins: the real stripe and resend SDKs talk to these.
  const stripe = await createStripeEmulator({
    webhookSecret: TEST_WEBHOOK_SECRET,
    prices: [
      { id: 'price_test_123', unitAmount: 1500, currency: 'usd', productName: 'Test product' },
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
    ],
    log: () => {},
  })
  const mail = await createMailCatcher({ log: () => {} })

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
  return async () => {
    await Promise.all([stripe.close(), mail.close()])
    await fs.rm(productFilesDir, { recursive: true, force: true })
    await teardown()
  }
}
