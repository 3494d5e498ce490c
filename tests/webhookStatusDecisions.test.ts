import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createPayloadRequest } from 'payload'
import { getStorefrontOptions } from 'payload-plugin-storefront'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest'

import { createStripeWebhookEndpoint } from '@/storefront/endpoints/stripeWebhook'
import {
  applyQueuedStripeEvent,
  processStripeEvent,
} from '@/storefront/operations/processStripeEvent'
import type { ResolvedStorefrontOptions } from '@/storefront/types'

import { SERVER_URL } from './helpers/api'
import { stripeRequests } from './helpers/stripeEmulator'
import { checkoutInStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { runApplicationJobs, deliver, signature, waitingApplicationsOf } from './helpers/webhook'

/**
 * What the webhook tells Stripe decides whether Stripe retries: 503/500 when nothing was stored
 * (so the next delivery applies it), 400 only for events that can never apply, 200 once stored.
 */
let payload: Payload
let options: ResolvedStorefrontOptions
let sql: pg.Client
let product: { id: number; slug: string }
let shopper: { id: number; email: string }

const ledgerFor = async (eventId: string) =>
  (await payload.find({ collection: 'stripe-events', where: { eventId: { equals: eventId } } }))
    .docs
const purchasesFor = async (sessionId: string) =>
  (
    await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: sessionId } },
    })
  ).docs
const paidSession = () =>
  checkoutInStripe({ userId: shopper.id, email: shopper.email, productSlug: product.slug })

/** Makes the database refuse inserts into `table` for rows matching `when` until dropped. */
async function refuseInserts(table: string, when: string): Promise<() => Promise<void>> {
  const trigger = `refuse_${randomUUID().replace(/-/g, '')}`
  await sql.query(`CREATE OR REPLACE FUNCTION storefront_test_refuse_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'insert refused by a test trigger'; END $$`)
  await sql.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} FOR EACH ROW
    WHEN (${when}) EXECUTE FUNCTION storefront_test_refuse_insert()`)
  return async () => {
    await sql.query(`DROP TRIGGER ${trigger} ON ${table}`)
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
  options = getStorefrontOptions(payload)
  sql = new pg.Client({ connectionString: inject('databaseUrl') })
  await sql.connect()
  product = await createProduct()
  shopper = await createUser(['customer'])
})

afterAll(async () => {
  await sql.end()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the webhook answers so that Stripe retries exactly when it should', () => {
  it('503 when no webhook secret is configured: logged, nothing recorded', async () => {
    const endpoint = createStripeWebhookEndpoint({
      ...options,
      stripe: { ...options.stripe, webhookSecret: undefined },
    })
    const session = await paidSession()
    const event = stripeEvent('checkout.session.completed', session)
    const body = JSON.stringify(event)
    const req = await createPayloadRequest({
      config: payload.config,
      request: new Request(`${SERVER_URL}/api/stripe/webhook`, {
        method: 'POST',
        headers: { 'Stripe-Signature': signature(body), 'Content-Type': 'application/json' },
        body,
      }),
    })
    const errorLog = vi.spyOn(req.payload.logger, 'error')
    const response = await endpoint.handler(req)
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: 'The shop cannot verify Stripe events yet; Stripe will retry.',
    })
    expect(errorLog).toHaveBeenCalledWith(
      'Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set.',
    )
    expect(await ledgerFor(event.id)).toHaveLength(0)
    expect(await purchasesFor(session.id)).toHaveLength(0)
  })

  it('503 when no Stripe secret key is configured (the session cannot be checked): nothing recorded', async () => {
    const session = await paidSession()
    const event = stripeEvent('checkout.session.completed', session)
    const errorLog = vi.spyOn(payload.logger, 'error')
    const refused = await processStripeEvent({
      payload,
      options: { ...options, stripe: { ...options.stripe, secretKey: undefined } },
      event,
    }).catch((error: unknown) => error)
    expect(refused).toMatchObject({
      name: 'StorefrontError',
      status: 503,
      message: 'The shop cannot ask Stripe about events yet; Stripe will retry.',
    })
    expect(errorLog).toHaveBeenCalledWith('Stripe event received but STRIPE_SECRET_KEY is not set.')
    expect(await ledgerFor(event.id)).toHaveLength(0)
    expect(await purchasesFor(session.id)).toHaveLength(0)
  })

  it('503 when the event cannot be recorded: logged with its id, nothing stored, the next delivery applies it', async () => {
    const session = await paidSession()
    const event = stripeEvent('checkout.session.completed', session)
    const allow = await refuseInserts('stripe_events', `NEW.event_id = '${event.id}'`)
    const errorLog = vi.spyOn(payload.logger, 'error')
    const response = await deliver(event).finally(allow)
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      error: 'The event could not be recorded; Stripe will retry.',
    })
    expect(errorLog).toHaveBeenCalledWith(
      { err: expect.anything(), eventId: event.id },
      'Could not record a Stripe event; answering 503 so Stripe retries.',
    )
    expect(await ledgerFor(event.id)).toHaveLength(0)
    expect(await purchasesFor(session.id)).toHaveLength(0)

    expect((await deliver(event)).status).toBe(200)
    expect(await purchasesFor(session.id)).toHaveLength(1)
  })

  it('200 once recorded even when applying fails: logged with its id, recorded failed, retried, and a redelivery applies it', async () => {
    const session = await paidSession()
    const event = stripeEvent('checkout.session.completed', session)
    const allow = await refuseInserts('purchases', `NEW.stripe_session_id = '${session.id}'`)
    const errorLog = vi.spyOn(payload.logger, 'error')
    // Stored is what Stripe needs to hear: applying it is the queued job's, which fails here.
    const response = await deliver(event).finally(allow)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true })
    expect(errorLog).toHaveBeenCalledWith(
      { err: expect.anything(), eventId: event.id },
      'Applying a Stripe event failed; nothing of it was stored. It will be applied again.',
    )
    expect((await ledgerFor(event.id)).map((entry) => entry.outcome)).toEqual(['failed'])
    expect(await purchasesFor(session.id)).toHaveLength(0)
    // The job waits for its retry, after a backoff.
    const [retry] = await waitingApplicationsOf(event.id)
    expect(retry).toMatchObject({ totalTried: 1 })
    expect(new Date(String(retry.waitUntil)).getTime()).toBeGreaterThan(Date.now())

    // Stripe delivers a failed event again (or the retry comes due): it is queued once more and
    // applied once.
    const redelivery = await deliver(event)
    expect(await redelivery.json()).toEqual({ received: true })
    expect((await ledgerFor(event.id)).map((entry) => entry.outcome)).toEqual(['processed'])
    expect(await purchasesFor(session.id)).toHaveLength(1)

    // The first job's retry, once due, finds the event applied and changes nothing.
    await payload.update({
      collection: 'payload-jobs',
      id: retry.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    })
    await runApplicationJobs(event.id)
    expect(await waitingApplicationsOf(event.id)).toEqual([])
    expect(await purchasesFor(session.id)).toHaveLength(1)
    expect((await ledgerFor(event.id)).map((entry) => entry.outcome)).toEqual(['processed'])
  })

  it('the operation reports what it did: applied once, then a duplicate that changed nothing', async () => {
    const event = stripeEvent('checkout.session.completed', await paidSession())
    expect(await processStripeEvent({ payload, options, event })).toEqual({
      duplicate: false,
      outcome: 'processed',
    })
    expect(await processStripeEvent({ payload, options, event })).toEqual({
      duplicate: true,
      outcome: 'processed',
    })
  })
})

describe('the operations behind the queued job, the replay and the sweep', () => {
  const refusesUser = async () => {
    const session = await checkoutInStripe({
      userId: 99_999_999,
      email: shopper.email,
      productSlug: product.slug,
    })
    return stripeEvent('checkout.session.completed', session)
  }

  it('processStripeEvent: 503 when the ledger cannot record the event, logged with its id', async () => {
    const event = stripeEvent('checkout.session.completed', await paidSession())
    const allow = await refuseInserts('stripe_events', `NEW.event_id = '${event.id}'`)
    const errorLog = vi.spyOn(payload.logger, 'error')
    const refused = await processStripeEvent({ payload, options, event })
      .catch((error: unknown) => error)
      .finally(allow)
    expect(refused).toMatchObject({
      status: 503,
      message: 'The event could not be recorded; try again in a moment.',
    })
    expect(errorLog).toHaveBeenCalledWith(
      { err: expect.anything(), eventId: event.id },
      'Could not record a Stripe event.',
    )
    expect(await ledgerFor(event.id)).toHaveLength(0)
  })

  it('processStripeEvent: 500 when applying fails, recorded failed with a short reason', async () => {
    const session = await paidSession()
    const event = stripeEvent('checkout.session.completed', session)
    const allow = await refuseInserts('purchases', `NEW.stripe_session_id = '${session.id}'`)
    const failed = await processStripeEvent({ payload, options, event })
      .catch((error: unknown) => error)
      .finally(allow)
    expect(failed).toMatchObject({
      status: 500,
      message:
        'The event could not be applied now; it is recorded as failed and will be applied again.',
    })
    expect(await ledgerFor(event.id)).toEqual([
      expect.objectContaining({
        outcome: 'failed',
        note: 'database error (SQLSTATE P0001); details in the server log',
      }),
    ])
    expect(await purchasesFor(session.id)).toHaveLength(0)
  })

  it('the job leaves a finished event alone: Stripe is not asked again', async () => {
    const session = await paidSession()
    const event = stripeEvent('checkout.session.completed', session)
    await deliver(event)
    const [entry] = await ledgerFor(event.id)
    expect(entry.outcome).toBe('processed')
    const asked = async () =>
      (await stripeRequests(`/v1/checkout/sessions/${session.id}`)).filter(
        (request) => request.method === 'GET',
      ).length
    const before = await asked()
    expect(await applyQueuedStripeEvent({ payload, options, ledgerId: entry.id, event })).toBe(
      'processed',
    )
    expect(await asked()).toBe(before)
    expect(await purchasesFor(session.id)).toHaveLength(1)
  })

  it('the job reports a refused event as rejected (not retried) and a missing entry as ignored', async () => {
    const event = await refusesUser()
    await deliver(event, { apply: false })
    const [entry] = await ledgerFor(event.id)
    expect(await applyQueuedStripeEvent({ payload, options, ledgerId: entry.id, event })).toBe(
      'rejected',
    )
    expect((await ledgerFor(event.id))[0].outcome).toBe('rejected')

    const warn = vi.spyOn(payload.logger, 'warn')
    expect(await applyQueuedStripeEvent({ payload, options, ledgerId: 2_000_000_000, event })).toBe(
      'ignored',
    )
    expect(warn).toHaveBeenCalledWith(
      { ledgerId: 2_000_000_000, eventId: event.id },
      'A queued Stripe event has no ledger entry.',
    )
  })
})
