import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { checkoutInStripe, emulatorEventFor } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { charge, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver, waitingApplicationsOf } from './helpers/webhook'

/**
 * A COMMIT that fails must not be reported as stored. PostgreSQL checks a deferred constraint
 * trigger at COMMIT, so a trigger that always raises makes exactly the COMMIT fail, after every
 * statement of the transaction succeeded: the case @payloadcms/drizzle swallows.
 */
let payload: Payload
let product: { id: number; slug: string }
let sql: pg.Client

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Durable Pack' })
  sql = new pg.Client({ connectionString: inject('databaseUrl') })
  await sql.connect()
  await sql.query(`CREATE OR REPLACE FUNCTION storefront_test_refuse_commit() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'COMMIT refused by a test trigger'; END $$`)
})

afterAll(async () => {
  await sql.end()
})

/** Makes every COMMIT that wrote a purchases row matching `condition` fail, until undone. */
async function refuseCommitsOfPurchasesWhere(condition: string): Promise<() => Promise<void>> {
  const trigger = `refuse_commit_${randomUUID().replace(/-/g, '')}`
  await sql.query(`CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT OR UPDATE ON purchases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${condition})
    EXECUTE FUNCTION storefront_test_refuse_commit()`)
  return async () => {
    await sql.query(`DROP TRIGGER ${trigger} ON purchases`)
  }
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`

const purchaseOf = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs

const ledgerEntry = async (eventId: string) =>
  (await payload.find({ collection: 'stripe-events', where: { eventId: { equals: eventId } } }))
    .docs[0]

/**
 * The webhook stored the event and answered 200; the job applying it saw its COMMIT fail, so the
 * ledger says failed (never processed) and the job waits for its retry instead of completing.
 */
async function expectRecordedAsFailed(eventId: string, delivery: Response) {
  expect(delivery.status).toBe(200)
  expect(await delivery.json()).toEqual({ received: true })
  const entry = await ledgerEntry(eventId)
  expect(entry.outcome).toBe('failed')
  // A short reason for support; the SQL and its parameters stay in the server log.
  expect(entry.note).toBe('database error (SQLSTATE P0001); details in the server log')
  expect(await waitingApplicationsOf(eventId)).toEqual([expect.objectContaining({ totalTried: 1 })])
}

describe('a failed COMMIT is never reported as stored', () => {
  it('pinned upstream behaviour: a Local API update resolves although its COMMIT failed', async () => {
    // When this starts failing, @payloadcms/drizzle surfaces COMMIT errors (PRs #17726/#17727)
    // and the plugin's own transaction (database/transactions.ts) could lean on Payload's again.
    const buyer = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: buyer.id,
      email: buyer.email,
      productSlug: product.slug,
    })
    await deliver(stripeEvent('checkout.session.completed', session))
    const [purchase] = await purchaseOf(session.id)
    const undo = await refuseCommitsOfPurchasesWhere(`NEW.id = ${purchase.id}`)
    try {
      await expect(
        payload.update({ collection: 'purchases', id: purchase.id, data: { status: 'revoked' } }),
      ).resolves.toMatchObject({ status: 'revoked' })
      expect((await payload.findByID({ collection: 'purchases', id: purchase.id })).status).toBe(
        'paid',
      )
    } finally {
      await undo()
    }
  })

  it('async_payment_succeeded whose COMMIT fails → recorded failed and retried, still pending, not processed; the next delivery applies it', async () => {
    const buyer = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: buyer.id,
      email: buyer.email,
      productSlug: product.slug,
      pay: 'bank_transfer',
    })
    expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
    const [pending] = await purchaseOf(session.id)
    expect(pending.status).toBe('pending')

    const settled = await emulatorEventFor('checkout.session.async_payment_succeeded', session.id)
    const undo = await refuseCommitsOfPurchasesWhere(
      `NEW.stripe_session_id = ${quote(session.id)} AND NEW.status = 'paid'`,
    )
    let failed: Response
    try {
      failed = await deliver(settled)
    } finally {
      await undo()
    }
    await expectRecordedAsFailed(settled.id, failed)
    expect((await purchaseOf(session.id))[0].status).toBe('pending')
    await runDueJobs()
    expect(await mailTo(buyer.email)).toHaveLength(0) // the receipt job went with the rollback

    // Stripe's next delivery of the same event is not dropped as a duplicate.
    const retried = await deliver(settled)
    expect(retried.status).toBe(200)
    expect(await retried.json()).toEqual({ received: true })
    const [paid] = await purchaseOf(session.id)
    expect(paid.status).toBe('paid')
    expect(await ledgerEntry(settled.id)).toMatchObject({ outcome: 'processed' })
    await runJobsUntil(async () => (await mailTo(buyer.email)).length > 0)
    await runDueJobs()
    expect(await mailTo(buyer.email)).toHaveLength(1)
  })

  it('checkout.session.completed whose COMMIT fails → recorded failed and retried, no purchase; the next delivery creates it', async () => {
    const buyer = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: buyer.id,
      email: buyer.email,
      productSlug: product.slug,
    })
    const event = stripeEvent('checkout.session.completed', session)
    const undo = await refuseCommitsOfPurchasesWhere(`NEW.stripe_session_id = ${quote(session.id)}`)
    let failed: Response
    try {
      failed = await deliver(event)
    } finally {
      await undo()
    }
    await expectRecordedAsFailed(event.id, failed)
    expect(await purchaseOf(session.id)).toHaveLength(0)

    expect((await deliver(event)).status).toBe(200)
    expect((await purchaseOf(session.id)).map((purchase) => purchase.status)).toEqual(['paid'])
    expect(await ledgerEntry(event.id)).toMatchObject({ outcome: 'processed' })
  })

  it('a refund whose COMMIT fails → recorded failed and retried, access not yet ended in the ledger; the next delivery ends it', async () => {
    const buyer = await createUser(['customer'])
    const session = await checkoutInStripe({
      userId: buyer.id,
      email: buyer.email,
      productSlug: product.slug,
    })
    await deliver(stripeEvent('checkout.session.completed', session))
    const refund = stripeEvent(
      'charge.refunded',
      charge({ payment_intent: session.payment_intent as string, refunded: true }),
    )
    const undo = await refuseCommitsOfPurchasesWhere(
      `NEW.stripe_session_id = ${quote(session.id)} AND NEW.status = 'refunded'`,
    )
    let failed: Response
    try {
      failed = await deliver(refund)
    } finally {
      await undo()
    }
    await expectRecordedAsFailed(refund.id, failed)
    expect((await purchaseOf(session.id))[0].status).toBe('paid')

    expect((await deliver(refund)).status).toBe(200)
    expect((await purchaseOf(session.id))[0].status).toBe('refunded')
    expect(await ledgerEntry(refund.id)).toMatchObject({
      outcome: 'processed',
      note: 'purchase paid → refunded',
    })
  })
})
