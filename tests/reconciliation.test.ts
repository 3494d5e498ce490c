import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { RECONCILE_TASK } from 'payload-plugin-storefront'

import type { ReconciliationRun } from '@/payload-types'

import { login, rest } from './helpers/api'
import { checkoutInStripe, emulatorEventFor, type Payment } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { clearScheduledSweeps, runDueJobs, runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct, type TestProduct } from './helpers/products'
import { injectStripeFault } from './helpers/stripeEmulator'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let baseline: ReconciliationRun
let products: TestProduct[]
const tokens = { support: '', customer: '', editor: '' }
let supportId: number
const ALERT_TO = 'ops@test.example'

/** Stripe (the emulator) stops delivering, as when the shop's webhook route is down. */
async function webhookDeliveries(enabled: boolean): Promise<void> {
  const response = await fetch(`${inject('stripeEmulatorUrl')}/_emulator/webhooks`, {
    method: 'POST',
    body: new URLSearchParams({ enabled: String(enabled) }),
  })
  expect(response.status).toBe(200)
}

const reconcileNow = (token?: string) =>
  rest('POST', '/storefront/reconcile', token ? { token } : {})

/** "Reconcile now" as staff press it; what it answers is the run as stored, counts absent as 0. */
async function sweep(): Promise<ReconciliationRun> {
  const response = await reconcileNow(tokens.support)
  expect(response.status).toBe(200)
  expect(response.headers.get('Cache-Control')).toBe('no-store')
  const { run } = (await response.json()) as { run: { id: number } }
  const stored = await payload.findByID({ collection: 'reconciliation-runs', id: run.id, depth: 0 })
  expect(run).toEqual({
    id: stored.id,
    status: stored.status,
    windowStart: stored.windowStart,
    windowEnd: stored.windowEnd,
    sessionsSeen: stored.sessionsSeen ?? 0,
    purchasesRepaired: stored.purchasesRepaired ?? 0,
    purchasesSettled: stored.purchasesSettled ?? 0,
    eventsRepaired: stored.eventsRepaired ?? 0,
    errorCount: stored.errorCount ?? 0,
  })
  // Who pressed it is on the run.
  expect(stored.startedBy).toBe(supportId)
  return stored
}

const purchasesOf = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs

/** A shopper pays in Stripe; the shop hears nothing. Bank transfers are left to settle. */
async function paidWithoutWebhook(pay: Payment, product: TestProduct) {
  const shopper = await createUser(['customer'])
  const session = await checkoutInStripe({
    userId: shopper.id,
    email: shopper.email,
    productSlug: product.slug,
    pay,
  })
  if (pay === 'bank_transfer')
    await emulatorEventFor('checkout.session.async_payment_succeeded', session.id)
  return { shopper, session }
}

beforeAll(async () => {
  payload = await getTestPayload()
  products = [
    await createProduct({ title: 'Sweep Pack A' }),
    await createProduct({ title: 'Sweep Pack B' }),
  ]
  for (const role of ['support', 'customer', 'editor'] as const) {
    const user = await createUser([role])
    tokens[role] = (await login(user.email, user.password)).token
    if (role === 'support') supportId = user.id
  }
  await webhookDeliveries(false)
  // Whatever earlier test files left in the shared Stripe emulator is swept here, so the runs
  // below count only this file's checkouts.
  // A sweep an earlier file's schedule left waiting would come due (at a quarter hour) between
  // this baseline and the next sweep, and move the next window's start.
  await clearScheduledSweeps()
  // Read from the database, not the answer: a hook that fails skips every test, and Stryker counts
  // a mutant whose only failure is in a hook as survived. The answer is checked in the tests.
  await reconcileNow(tokens.support)
  baseline = (
    await payload.find({
      collection: 'reconciliation-runs',
      sort: '-createdAt',
      limit: 1,
      depth: 0,
    })
  ).docs[0] as unknown as ReconciliationRun
  await runDueJobs()
})

afterAll(async () => {
  await webhookDeliveries(true)
})

describe('POST /api/storefront/reconcile', () => {
  it('401 for nobody signed in, 403 for a customer or an editor', async () => {
    const anonymous = await reconcileNow()
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/Sign in/)
    for (const role of ['customer', 'editor'] as const) {
      const refused = await reconcileNow(tokens[role])
      expect(refused.status).toBe(403)
      expect(((await refused.json()) as { error: string }).error).toBe(
        'Only support staff (admin, support) can reconcile with Stripe.',
      )
    }
  })
})

describe('the sweep', () => {
  it('with deliveries off, 10 paid checkouts (card and bank transfer) become 10 purchases and 10 receipts in one sweep; a second sweep changes nothing', async () => {
    const paid: Array<Awaited<ReturnType<typeof paidWithoutWebhook>>> = []
    for (let index = 0; index < 10; index += 1) {
      paid.push(
        await paidWithoutWebhook(index % 3 === 2 ? 'bank_transfer' : 'card', products[index % 2]),
      )
    }
    for (const { session } of paid) expect(await purchasesOf(session.id)).toHaveLength(0)

    const run = await sweep()
    expect(run).toMatchObject({
      trigger: 'staff',
      status: 'succeeded',
      purchasesRepaired: 10,
      errorCount: 0,
    })
    expect(run.sessionsSeen).toBeGreaterThanOrEqual(10)
    // From the previous sweep's end, less the overlap (a session can be paid a day after it was made).
    expect(Date.parse(run.windowStart)).toBe(Date.parse(baseline.windowEnd) - 24 * 60 * 60_000)
    for (const { session } of paid) {
      const purchases = await purchasesOf(session.id)
      expect(purchases).toHaveLength(1)
      expect(purchases[0].status).toBe('paid')
    }
    expect(run.repairs?.map((repair) => repair.ref).sort()).toEqual(
      paid.map(({ session }) => session.id).sort(),
    )

    await runJobsUntil(async () => {
      for (const { shopper } of paid) if ((await mailTo(shopper.email)).length < 1) return false
      return true
    })
    const alerts = await mailTo(ALERT_TO)
    const alert = alerts.find((mail) => mail.subject.includes('repaired 10 things'))
    expect(alert?.text).toContain(paid[0].session.id)
    expect(run.alert).toMatchObject({ status: 'sent', to: ALERT_TO })

    const again = await sweep()
    expect(again).toMatchObject({ status: 'succeeded', purchasesRepaired: 0, eventsRepaired: 0 })
    expect(again.alert?.status).toBe('not_needed')
    // The second window starts where the first ended, less the overlap.
    expect(Date.parse(again.windowStart)).toBe(Date.parse(run.windowEnd) - 24 * 60 * 60_000)
    await runDueJobs()
    for (const { shopper, session } of paid) {
      expect(await purchasesOf(session.id)).toHaveLength(1)
      expect(await mailTo(shopper.email)).toHaveLength(1)
    }
    expect((await mailTo(ALERT_TO)).length).toBe(alerts.length)
  })

  it('racing a late webhook for the same checkout still makes one purchase and one receipt', async () => {
    const { shopper, session } = await paidWithoutWebhook('card', products[0])
    const completed = await emulatorEventFor('checkout.session.completed', session.id)
    const [run, delivery] = await Promise.all([sweep(), deliver(completed)])
    expect(delivery.status).toBe(200)
    expect(await purchasesOf(session.id)).toHaveLength(1)
    expect(run.status).toBe('succeeded')
    await runJobsUntil(async () => (await mailTo(shopper.email)).length === 1)
    await runDueJobs()
    expect(await mailTo(shopper.email)).toHaveLength(1)
  })

  it('applies again, fetched from Stripe, a ledger event stuck in failed', async () => {
    const { session } = await paidWithoutWebhook('card', products[1])
    const completed = await emulatorEventFor('checkout.session.completed', session.id)
    await injectStripeFault({
      method: 'GET',
      path: `/v1/checkout/sessions/${session.id}`,
      status: 500,
      body: { error: { type: 'api_error', message: 'Stripe is down' } },
    })
    // Stored (200); the job applying it could not reach Stripe, so the entry is failed.
    expect((await deliver(completed)).status).toBe(200)
    const ledger = async () =>
      (
        await payload.find({
          collection: 'stripe-events',
          where: { eventId: { equals: completed.id } },
        })
      ).docs[0]
    expect((await ledger()).outcome).toBe('failed')

    const run = await sweep()
    expect((await ledger()).outcome).toBe('processed')
    expect(await purchasesOf(session.id)).toHaveLength(1)
    expect(run.repairs?.filter((repair) => repair.ref === completed.id)).toEqual([
      expect.objectContaining({ kind: 'event_applied', note: 'now processed' }),
    ])
  })

  it('settles a pending bank transfer whose settlement event was lost', async () => {
    const shopper = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: shopper.id,
      email: shopper.email,
      productSlug: products[0].slug,
      pay: 'bank_transfer',
    })
    // The completion arrived while the transfer was processing; the settlement never did.
    const completed = await emulatorEventFor('checkout.session.completed', session.id)
    expect((await deliver(completed)).status).toBe(200)
    await emulatorEventFor('checkout.session.async_payment_succeeded', session.id)
    expect((await purchasesOf(session.id))[0].status).toBe('pending')

    const run = await sweep()
    expect((await purchasesOf(session.id))[0].status).toBe('paid')
    expect(run.purchasesSettled).toBeGreaterThanOrEqual(1)
    await runJobsUntil(async () => (await mailTo(shopper.email)).length === 1)
  })

  it('a run whose listing failed is recorded failed, and the next window still starts from the last good one', async () => {
    const lastGood = await sweep()
    await injectStripeFault({
      method: 'GET',
      path: '/v1/checkout/sessions',
      status: 500,
      body: { error: { type: 'api_error', message: 'Stripe is down' } },
    })
    const failed = await sweep()
    expect(failed.status).toBe('failed')
    expect(failed.note).toMatch(
      /Listing Checkout Sessions failed.*next run covers this window again/,
    )
    const next = await sweep()
    expect(next.status).toBe('succeeded')
    expect(Date.parse(next.windowStart)).toBe(Date.parse(lastGood.windowEnd) - 24 * 60 * 60_000)
  })
})

describe('the scheduled sweep', () => {
  it("a customer can neither read nor rewrite the scheduler's stats (which would stop the sweep)", async () => {
    const write = await rest('POST', '/globals/payload-jobs-stats', {
      token: tokens.customer,
      body: { stats: {} },
    })
    expect(write.status).toBe(403)
    const read = await rest('GET', '/globals/payload-jobs-stats', { token: tokens.customer })
    expect(read.status).toBe(403)
  })

  it('is scheduled on the storefront queue every 15 minutes, once, and runs as a task', async () => {
    await clearScheduledSweeps()
    await payload.jobs.handleSchedules({ queue: 'storefront' })
    await payload.jobs.handleSchedules({ queue: 'storefront' })
    const { docs: scheduled } = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: RECONCILE_TASK } }, { completedAt: { exists: false } }],
      },
      depth: 0,
    })
    expect(scheduled).toHaveLength(1)
    const waitUntil = Date.parse(scheduled[0].waitUntil!)
    // The slot due now or next: just after a quarter hour, Payload queues the one that has begun.
    expect(waitUntil).toBeGreaterThan(Date.now() - 15 * 60_000)
    expect(waitUntil).toBeLessThanOrEqual(Date.now() + 15 * 60_000)
    expect(new Date(waitUntil).getUTCMinutes() % 15).toBe(0)
    // Not left waiting: it would sweep in the middle of another test file.
    await payload.delete({ collection: 'payload-jobs', id: scheduled[0].id })

    await payload.jobs.queue({
      task: 'storefrontReconcile',
      input: {} as never,
      queue: 'storefront',
    })
    await runDueJobs()
    const { docs } = await payload.find({
      collection: 'reconciliation-runs',
      sort: '-createdAt',
      limit: 1,
      depth: 0,
    })
    expect(docs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded' })
  })
})
