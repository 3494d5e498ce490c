import type { Payload } from 'payload'

import { beforeAll, describe, expect, it } from 'vitest'

import { login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { createPurchase } from './helpers/purchases'
import { createUser } from './helpers/users'

/** tests/setup/testEnv.ts sets HEALTH_TOKEN to this. */
const HEALTH_TOKEN = 'health-token-for-the-test-suite-0123456789'

let payload: Payload
const tokens = { support: '', customer: '', editor: '' }
let buyer: { id: number }
let product: { id: number; slug: string }

const health = (headers: Record<string, string> = {}) =>
  rest('GET', '/storefront/health', { headers })
const asStaff = () => health({ Authorization: `JWT ${tokens.support}` })

type HealthBody = {
  status: string
  sweep: { everyMinutes: number; lastRun: null | { id: number }; staleAfter: null | string }
  ledgerLast24h: Record<string, number>
  receiptsFailing: number
  oldestPendingPurchase: null | { id: number; createdAt: string; ageMinutes: number }
}

/** Only the runs a test makes: the sweep's history decides 200 or 503. */
async function sweepsFinished(minutesAgo: number[], status = 'succeeded'): Promise<void> {
  await payload.delete({ collection: 'reconciliation-runs', where: { id: { exists: true } } })
  for (const ago of minutesAgo) {
    const at = new Date(Date.now() - ago * 60_000).toISOString()
    await payload.create({
      collection: 'reconciliation-runs',
      data: {
        trigger: 'schedule',
        status: status as 'succeeded',
        windowStart: at,
        windowEnd: at,
        finishedAt: at,
      },
    })
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
  for (const role of ['support', 'customer', 'editor'] as const) {
    const user = await createUser([role])
    tokens[role] = (await login(user.email, user.password)).token
  }
  buyer = await createUser(['customer'])
  product = await createProduct({ title: 'Health Pack' })
})

describe('GET /api/storefront/health: who may ask', () => {
  it('401 for nobody, and for a wrong bearer token; 403 for a customer or an editor', async () => {
    const anonymous = await health()
    expect(anonymous.status).toBe(401)
    const wrong = await health({ Authorization: 'Bearer not-the-health-token-0123456789abcdef' })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { error: string }).error).toMatch(/not the shop’s health token/)
    for (const role of ['customer', 'editor'] as const) {
      const refused = await health({ Authorization: `JWT ${tokens[role]}` })
      expect(refused.status).toBe(403)
      expect(((await refused.json()) as { error: string }).error).toBe(
        'Only support staff (admin, support) can read the shop’s health.',
      )
    }
  })

  it('200 for staff and for a monitor with the bearer token, never cached', async () => {
    await sweepsFinished([1])
    const staff = await asStaff()
    expect(staff.status).toBe(200)
    expect(staff.headers.get('cache-control')).toBe('no-store')
    const monitor = await health({ Authorization: `Bearer ${HEALTH_TOKEN}` })
    expect(monitor.status).toBe(200)
    expect(((await monitor.json()) as HealthBody).status).toBe('ok')
  })
})

describe('GET /api/storefront/health: what it says', () => {
  it('503 when the sweep has not succeeded in 3 intervals (45 minutes), or never; 200 again after a sweep', async () => {
    await sweepsFinished([])
    expect((await asStaff()).status).toBe(503)

    await sweepsFinished([46])
    const stale = await asStaff()
    expect(stale.status).toBe(503)
    const body = (await stale.json()) as HealthBody
    expect(body.status).toBe('stale')
    expect(body.sweep.everyMinutes).toBe(15)
    expect(Date.parse(body.sweep.staleAfter!)).toBeLessThan(Date.now())

    // Runs that failed to list Stripe do not count as sweeping.
    await sweepsFinished([2], 'failed')
    expect((await asStaff()).status).toBe(503)

    await sweepsFinished([44])
    expect((await asStaff()).status).toBe(200)
  })

  it('counts ledger events of the last 24 hours by outcome, failing receipts, and the oldest pending purchase', async () => {
    await sweepsFinished([1])
    const before = (await (await asStaff()).json()) as HealthBody
    await payload.create({
      collection: 'stripe-events',
      data: {
        eventId: `evt_health_${Date.now()}`,
        type: 'checkout.session.completed',
        outcome: 'failed',
        stripeCreatedAt: new Date().toISOString(),
      },
    })
    const failing = await createPurchase({ userId: buyer.id, product })
    await payload.update({
      collection: 'purchases',
      id: failing.id,
      data: { receipt: { status: 'failed', lastError: 'Resend is down' } },
    })
    const pending = await createPurchase({ userId: buyer.id, product, status: 'pending' })

    const after = (await (await asStaff()).json()) as HealthBody
    expect(Object.keys(after.ledgerLast24h).sort()).toEqual(
      ['deferred', 'failed', 'ignored', 'processed', 'received', 'rejected'].sort(),
    )
    expect(after.ledgerLast24h.failed).toBe(before.ledgerLast24h.failed + 1)
    expect(after.receiptsFailing).toBe(before.receiptsFailing + 1)
    expect(after.oldestPendingPurchase).not.toBeNull()
    expect(Date.parse(after.oldestPendingPurchase!.createdAt)).toBeLessThanOrEqual(
      Date.parse(pending.createdAt),
    )
    expect(after.sweep.lastRun).toMatchObject({ status: 'succeeded' })
  })
})
