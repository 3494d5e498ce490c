import type { ChildProcess } from 'node:child_process'

import { spawn, spawnSync } from 'node:child_process'
import net from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningPostgres } from '@/dev/embeddedPostgres'
import type { StripeEmulator } from '@/dev/stripeEmulator'

import { startEmbeddedPostgres } from '@/dev/embeddedPostgres'
import { createStripeEmulator } from '@/dev/stripeEmulator'
import { STRIPE_API_VERSION } from '@/storefront/stripe/client'

import { mailTo } from './helpers/mailCatcher'
import { TEST_WEBHOOK_SECRET } from './setup/TEST_WEBHOOK_SECRET'

/**
 * PostgreSQL stops while Stripe events arrive. The shop runs as its own process (the app's config,
 * Payload's REST API over HTTP, jobs on autoRun as in production) against an embedded PostgreSQL
 * this test owns, and a Stripe emulator delivers real signed events to it with Stripe's retry
 * behaviour (shortened). While the database is down the shop must answer 5xx (not crash, not
 * 200); after it is back and the emulator has retried, every purchase exists exactly once, the
 * refund made during the outage is applied, and every buyer has exactly one receipt.
 */

const DATA_DIR = '.data/postgres-outage-test'
const BUYERS = 6

let postgres: RunningPostgres
let postgresPort: number
let databaseUrl: string
let emulator: StripeEmulator
let stripe: Stripe
let shop: ChildProcess
let shopLog = ''
let seeded: { productSlug: string; buyers: Array<{ id: number; email: string }> }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

const startPostgres = () =>
  startEmbeddedPostgres({ dataDir: DATA_DIR, port: postgresPort, log: () => {} })

async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

async function startShop(port: number): Promise<void> {
  shop = spawn('node_modules/.bin/tsx', ['tests/outages/shopProcess.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(emulator.port),
      STRIPE_API_PROTOCOL: 'http',
      NEXT_PUBLIC_SERVER_URL: `http://127.0.0.1:${port}`,
      // As in production: the shop runs its own jobs queue (receipts) every second.
      JOBS_AUTORUN: 'true',
      SHOP_PORT: String(port),
      SHOP_BUYERS: String(BUYERS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  seeded = await new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      shopLog = (shopLog + chunk.toString()).slice(-20_000)
      const ready = /READY (\{.*\})/.exec(shopLog)
      if (ready) resolve(JSON.parse(ready[1]))
    }
    shop.stdout!.on('data', onOutput)
    shop.stderr!.on('data', onOutput)
    shop.once('exit', (code) => reject(new Error(`The shop exited (${code}):\n${shopLog}`)))
  })
}

beforeAll(async () => {
  postgresPort = await freePort()
  postgres = await startPostgres()
  const database = `outage_${Date.now()}_${process.pid}`
  await postgres.createDatabase(database)
  databaseUrl = postgres.urlFor(database)
  const migrate = spawnSync('node_modules/.bin/tsx', ['src/dev/runMigrations.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  })
  if (migrate.status !== 0) throw new Error(`migrate failed:\n${migrate.stdout}${migrate.stderr}`)
  // Receipts go to the mail catcher the rest of the suite uses, under Resend idempotency keys
  // `purchase-receipt/<purchase id>`; keys are per Resend account, so this second shop's purchase
  // ids must not repeat the main test database's (a repeated key with another email is refused).
  await query('ALTER SEQUENCE purchases_id_seq RESTART WITH 1000000')

  const shopPort = await freePort()
  emulator = await createStripeEmulator({
    webhookSecret: TEST_WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${shopPort}/api/stripe/webhook`,
    prices: [{ id: 'price_test_123', unitAmount: 1500, currency: 'usd', productName: 'Test' }],
    // Stripe's schedule (5 s … 10 min) shortened; enough attempts to outlast the outage.
    retryDelaysMs: [500, 1000, 2000, 4000, 8000, 8000],
    log: () => {},
  })
  stripe = new Stripe('sk_test_outage', {
    apiVersion: STRIPE_API_VERSION,
    ...emulator.stripeConfig,
  })
  await startShop(shopPort)
}, 180_000)

afterAll(async () => {
  shop?.kill('SIGTERM')
  await emulator?.close()
  await postgres?.stop()
})

/** A session paid on the emulator's hosted page; the emulator then delivers its events. */
async function buy(buyer: { id: number; email: string }) {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: 'price_test_123', quantity: 1 }],
    customer_email: buyer.email,
    metadata: { userId: String(buyer.id), productSlug: seeded.productSlug },
    success_url: 'http://127.0.0.1/account?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://127.0.0.1/',
  })
  const paid = emulator.payCheckoutSession(session.id, {
    method: 'card',
    cardNumber: '4242 4242 4242 4242',
  })
  expect(paid.outcome).toBe('paid')
  return paid.session
}

const eventsAbout = (objectId: string, type: string) =>
  emulator
    .events()
    .filter(
      (record) =>
        record.event.type === type &&
        (record.event.data.object as { id?: string; payment_intent?: string }).id === objectId,
    )

describe('PostgreSQL stops while Stripe events arrive', () => {
  it('5xx while it is down; after restart and retries: every purchase once, the refund applied, one receipt each', async () => {
    const [early, ...late] = seeded.buyers
    const before = await buy(early)
    await emulator.idle()
    const [settled] = eventsAbout(before.id, 'checkout.session.completed')
    expect(settled.delivery.status).toBe('succeeded')
    // Its receipt leaves before the outage (the refund below would otherwise cancel it).
    for (let waited = 0; (await mailTo(early.email)).length === 0; waited += 250) {
      if (waited > 30_000) throw new Error(`no receipt before the outage\n${shopLog}`)
      await sleep(250)
    }

    await postgres.stop()
    const during: Stripe.Checkout.Session[] = []
    for (const buyer of late) during.push(await buy(buyer))
    const refund = await stripe.refunds.create({ payment_intent: before.payment_intent as string })
    expect(refund.status).toBe('succeeded')

    // Every event sent during the outage was answered, and answered 5xx: the shop stayed up.
    const outageEvents = () =>
      [
        ...during.flatMap((session) => eventsAbout(session.id, 'checkout.session.completed')),
        ...emulator.events().filter((record) => record.event.type === 'charge.refunded'),
      ].filter(Boolean)
    for (let waited = 0; ; waited += 100) {
      const answered = (record: ReturnType<typeof outageEvents>[number]) => {
        const [first] = record.delivery.attempts
        return first !== undefined && (first.status !== null || first.error !== null)
      }
      const pending = outageEvents().filter((record) => !answered(record))
      if (pending.length === 0 && outageEvents().length === late.length + 1) break
      if (waited > 30_000)
        throw new Error(`events were not delivered during the outage\n${shopLog}`)
      await sleep(100)
    }
    for (const record of outageEvents()) {
      const [first] = record.delivery.attempts
      if (first.status === null || first.status < 500) {
        throw new Error(
          `${record.event.type} was answered ${first.status} (${first.error ?? first.responseBody}) during the outage\n${shopLog.slice(-4000)}`,
        )
      }
    }
    expect(shop.exitCode, shopLog.slice(-3000)).toBeNull()

    postgres = await startPostgres()
    await emulator.idle()
    for (const record of outageEvents()) {
      expect(record.delivery.status, record.event.type).toBe('succeeded')
      expect(record.delivery.attempts.at(-1)?.status).toBe(200)
    }
    // Answered 200 = stored; the shop's job runner applies them a moment later.
    for (let waited = 0; ; waited += 250) {
      const [{ waiting }] = await query<{ waiting: string }>(
        "select count(*) as waiting from stripe_events where outcome = 'received'",
      )
      if (Number(waiting) === 0) break
      if (waited > 60_000) throw new Error(`events still waiting to apply\n${shopLog}`)
      await sleep(250)
    }

    const purchases = await query<{ stripe_session_id: string; status: string }>(
      'select stripe_session_id, status from purchases',
    )
    const bySession = (id: string) => purchases.filter((row) => row.stripe_session_id === id)
    expect(bySession(before.id).map((row) => row.status)).toEqual(['refunded'])
    for (const session of during) {
      expect(bySession(session.id).map((row) => row.status)).toEqual(['paid'])
    }
    expect(purchases).toHaveLength(seeded.buyers.length)
    const unprocessed = await query(
      "select event_id, type, outcome from stripe_events where outcome not in ('processed', 'ignored')",
    )
    expect(unprocessed).toEqual([])

    // Receipts: the shop's own job runner sends them once the purchases are stored.
    for (let waited = 0; ; waited += 250) {
      const counts = await Promise.all(
        late.map(async (buyer) => (await mailTo(buyer.email)).length),
      )
      if (counts.every((count) => count === 1)) break
      if (waited > 60_000) throw new Error(`receipts missing: ${counts.join(',')}\n${shopLog}`)
      await sleep(250)
    }
    await sleep(3000) // a few more runs of the job queue: still one each
    for (const buyer of seeded.buyers) expect(await mailTo(buyer.email)).toHaveLength(1)
  }, 180_000)
})
