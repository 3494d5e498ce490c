import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import Stripe from 'stripe'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { createStripeEmulator, type EventRecord, type StripeEmulator } from '@/dev/stripeEmulator'
import fixtures from '@/dev/stripeEmulator/fixtures.json'
import { parseStripeParams } from '@/dev/stripeEmulator/parseStripeParams'

import { emulatorTranscript } from '../helpers/stripeEmulator'

const WEBHOOK_SECRET = 'whsec_emulator_test_suite_secret'
const RETRY_DELAYS_MS = [2, 4, 8]

type Delivery = { headers: IncomingHttpHeaders; rawBody: string; event: Stripe.Event }

/**
 * Plays the shop's webhook endpoint: records each delivery with its raw body and headers, and
 * answers with whatever status the test chooses.
 */
async function startWebhookReceiver() {
  const deliveries: Delivery[] = []
  const waiters: Array<{
    matches: (delivery: Delivery) => boolean
    resolve: (delivery: Delivery) => void
  }> = []
  let answer: (delivery: Delivery) => number = () => 200

  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8')
      const delivery: Delivery = {
        headers: request.headers,
        rawBody,
        event: JSON.parse(rawBody) as Stripe.Event,
      }
      deliveries.push(delivery)
      response
        .writeHead(answer(delivery), { 'Content-Type': 'application/json' })
        .end('{"received":true}')
      for (const waiter of waiters.filter((candidate) => candidate.matches(delivery))) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(delivery)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stripe/webhook`,
    deliveries,
    answerWith(choose: (delivery: Delivery) => number) {
      answer = choose
    },
    /** The first delivery (already received or still to come) for this event type and object id. */
    waitFor(type: string, objectId: string): Promise<Delivery> {
      const matches = (delivery: Delivery) =>
        delivery.event.type === type &&
        (delivery.event.data.object as { id: string }).id === objectId
      const received = deliveries.find(matches)
      return received
        ? Promise.resolve(received)
        : new Promise((resolve) => waiters.push({ matches, resolve }))
    },
    clear() {
      deliveries.length = 0
      answer = () => 200
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
let emulator: StripeEmulator
let stripe: Stripe

const checkoutParams = {
  mode: 'payment',
  line_items: [{ price: 'price_demo_workflow_templates', quantity: 1 }],
  customer_email: 'shopper@example.com',
  client_reference_id: '7',
  metadata: { userId: '7', productSlug: 'workflow-templates' },
  allow_promotion_codes: false,
  success_url:
    'http://localhost:3000/products/account?purchased=workflow-templates&session_id={CHECKOUT_SESSION_ID}',
  cancel_url: 'http://localhost:3000/products/workflow-templates?canceled=1',
} satisfies Stripe.Checkout.SessionCreateParams

async function caught(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(Stripe.errors.StripeError)
  return error as Stripe.errors.StripeError
}

/** Submits the hosted page's form as a browser would, without following the redirect. */
function submitCheckoutPage(
  session: Stripe.Checkout.Session,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(session.url!, {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
}

function verify(delivery: Delivery): Stripe.Event {
  return stripe.webhooks.constructEvent(
    delivery.rawBody,
    delivery.headers['stripe-signature'] as string,
    WEBHOOK_SECRET,
  )
}

function eventsAbout(objectId: string): EventRecord[] {
  return emulator
    .events()
    .filter((record) => (record.event.data.object as { id: string }).id === objectId)
}

async function paidSession(): Promise<{
  session: Stripe.Checkout.Session
  paymentIntentId: string
}> {
  const session = await stripe.checkout.sessions.create(checkoutParams)
  expect(
    emulator.payCheckoutSession(session.id, { method: 'card', cardNumber: '4242424242424242' })
      .outcome,
  ).toBe('paid')
  const paid = await stripe.checkout.sessions.retrieve(session.id)
  return { session: paid, paymentIntentId: paid.payment_intent as string }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  emulator = await createStripeEmulator({
    port: 0,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: receiver.url,
    asyncPaymentDelayMs: 5,
    retryDelaysMs: RETRY_DELAYS_MS,
    transcript: emulatorTranscript('stripeEmulator.test'),
    prices: [
      { id: 'price_retired', unitAmount: 1500, productName: 'Retired Pack', active: false },
      {
        id: 'price_monthly',
        unitAmount: 900,
        productName: 'Monthly Club',
        recurring: { interval: 'month' },
      },
    ],
  })
  stripe = new Stripe('sk_test_emulator', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
  })
})

afterEach(async () => {
  await emulator.idle()
  emulator.reset()
  receiver.clear()
})

afterAll(async () => {
  await emulator?.close()
  await receiver?.close()
})

describe('Stripe emulator: Checkout Sessions API', () => {
  it('creates a session from exactly the params the shop sent, and records the request', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams, {
      idempotencyKey: 'checkout-7-workflow-templates',
    })

    expect(emulator.requests()).toHaveLength(1)
    const [recorded] = emulator.requests()
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      idempotencyKey: 'checkout-7-workflow-templates',
      status: 200,
      idempotentReplayed: false,
    })
    // Form values travel as strings, so the quantity comes back as '1'.
    expect(recorded.params).toEqual({
      ...checkoutParams,
      allow_promotion_codes: 'false',
      line_items: [{ price: 'price_demo_workflow_templates', quantity: '1' }],
    })

    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 4900,
      currency: 'usd',
      customer_email: 'shopper@example.com',
      client_reference_id: '7',
      metadata: { userId: '7', productSlug: 'workflow-templates' },
      allow_promotion_codes: false,
      success_url: checkoutParams.success_url,
      cancel_url: checkoutParams.cancel_url,
      payment_intent: null,
      livemode: false,
      url: `${emulator.publicUrl}/checkout/${session.id}`,
    })
    expect(session.id).toMatch(/^cs_test_a1\w+$/)
    // Stripe's full shape: every field of the official fixture is present.
    expect(Object.keys(session)).toEqual(
      expect.arrayContaining(Object.keys(fixtures['checkout.session'])),
    )
  })

  it('rejects an unknown price like Stripe, so the SDK throws StripeInvalidRequestError', async () => {
    const error = await caught(
      stripe.checkout.sessions.create({
        ...checkoutParams,
        line_items: [{ price: 'price_x', quantity: 1 }],
      }),
    )

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][price]',
      message: "No such price: 'price_x'",
    })
    expect(error.doc_url).toBe('https://stripe.com/docs/error-codes/resource-missing')
  })

  it('rejects missing required params, inactive prices and recurring prices with Stripe’s messages', async () => {
    const { mode: _mode, ...withoutMode } = checkoutParams
    const { success_url: _successUrl, ...withoutSuccessUrl } = checkoutParams
    const { line_items: _lineItems, ...withoutLineItems } = checkoutParams

    expect(await caught(stripe.checkout.sessions.create(withoutMode))).toMatchObject({
      code: 'parameter_missing',
      param: 'mode',
      message: 'Missing required param: mode.',
    })
    expect(await caught(stripe.checkout.sessions.create(withoutSuccessUrl))).toMatchObject({
      code: 'parameter_missing',
      param: 'success_url',
    })
    expect(await caught(stripe.checkout.sessions.create(withoutLineItems))).toMatchObject({
      code: 'parameter_missing',
      param: 'line_items',
    })
    expect(
      await caught(
        stripe.checkout.sessions.create({
          ...checkoutParams,
          line_items: [{ price: 'price_demo_workflow_templates' }],
        }),
      ),
    ).toMatchObject({
      code: 'parameter_missing',
      param: 'line_items[0][quantity]',
    })
    expect(
      await caught(
        stripe.checkout.sessions.create({
          ...checkoutParams,
          line_items: [{ price: 'price_retired', quantity: 1 }],
        }),
      ),
    ).toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'line_items[0][price]',
      message: 'The price specified is inactive. This field only accepts active prices.',
    })
    expect(
      await caught(
        stripe.checkout.sessions.create({
          ...checkoutParams,
          line_items: [{ price: 'price_monthly', quantity: 1 }],
        }),
      ),
    ).toMatchObject({
      param: 'line_items[0][price]',
      message: expect.stringContaining('recurring price'),
    })
    expect(
      await caught(
        stripe.checkout.sessions.create({
          ...checkoutParams,
          sucess_url: 'typo',
        } as Stripe.Checkout.SessionCreateParams),
      ),
    ).toMatchObject({
      code: 'parameter_unknown',
      param: 'sucess_url',
    })
    expect(emulator.requests().map((request) => request.status)).toEqual([
      400, 400, 400, 400, 400, 400, 400,
    ])
  })

  it('answers 404 resource_missing for unknown ids and 401 without a test secret key', async () => {
    expect(await caught(stripe.checkout.sessions.retrieve('cs_test_missing'))).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
      message: "No such checkout.session: 'cs_test_missing'",
    })
    expect(await caught(stripe.prices.retrieve('price_missing'))).toMatchObject({
      statusCode: 404,
      param: 'id',
      message: "No such price: 'price_missing'",
    })
    expect(await stripe.prices.retrieve('price_demo_discovery_toolkit')).toMatchObject({
      unit_amount: 2900,
      currency: 'usd',
      type: 'one_time',
      active: true,
      product: 'prod_demo_discovery_toolkit',
    })

    const liveKey = new Stripe('sk_live_not_for_the_emulator', {
      host: '127.0.0.1',
      port: emulator.port,
      protocol: 'http',
    })
    expect(await caught(liveKey.prices.retrieve('price_demo_workflow_templates'))).toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    )

    const anonymous = await fetch(`${emulator.url}/v1/prices/price_demo_workflow_templates`)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('You did not provide an API key'),
      },
    })
  })

  it('replays an idempotent request and refuses the same key with different params', async () => {
    const first = await stripe.checkout.sessions.create(checkoutParams, {
      idempotencyKey: 'same-key',
    })
    const replay = await stripe.checkout.sessions.create(checkoutParams, {
      idempotencyKey: 'same-key',
    })

    expect(replay.id).toBe(first.id)
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined()
    expect(emulator.requests().map((request) => request.idempotentReplayed)).toEqual([false, true])

    const changed = {
      ...checkoutParams,
      line_items: [{ price: 'price_demo_discovery_toolkit', quantity: 1 }],
    }
    const error = await caught(
      stripe.checkout.sessions.create(changed, { idempotencyKey: 'same-key' }),
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(error.message).toMatch(/can only be used with the same parameters/)
  })

  it('retrieves a paid session with line_items and payment_intent expanded, linked to its charge', async () => {
    const { session } = await paidSession()

    const expanded = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['line_items', 'payment_intent'],
    })
    expect(emulator.requests().at(-1)?.params).toEqual({ expand: ['line_items', 'payment_intent'] })
    expect(expanded.line_items?.data).toEqual([
      expect.objectContaining({
        object: 'item',
        description: 'Workflow Templates',
        quantity: 1,
        amount_total: 4900,
        currency: 'usd',
        price: expect.objectContaining({ id: 'price_demo_workflow_templates', object: 'price' }),
      }),
    ])
    const paymentIntent = expanded.payment_intent as Stripe.PaymentIntent
    expect(paymentIntent).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 4900,
      amount_received: 4900,
      currency: 'usd',
    })
    expect(Object.keys(paymentIntent)).toEqual(
      expect.arrayContaining(Object.keys(fixtures.payment_intent)),
    )

    const charge = await stripe.charges.retrieve(paymentIntent.latest_charge as string)
    expect(charge).toMatchObject({
      payment_intent: paymentIntent.id,
      status: 'succeeded',
      paid: true,
      amount: 4900,
      refunded: false,
    })

    const lineItems = await stripe.checkout.sessions.listLineItems(session.id)
    expect(lineItems.data.map((item) => item.price?.id)).toEqual(['price_demo_workflow_templates'])
    const deep = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['line_items.data.price.product'],
    })
    expect((deep.line_items?.data[0].price?.product as Stripe.Product).name).toBe(
      'Workflow Templates',
    )
  })

  it('answers routes the shop does not use (expire, the event list) as Stripe answers an unknown URL', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    expect(await caught(stripe.checkout.sessions.expire(session.id))).toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('Unrecognized request URL'),
    })
    expect(await caught(stripe.events.list())).toMatchObject({ statusCode: 404 })
  })
})

describe('Stripe emulator: as strict as Stripe', () => {
  it('refuses an Idempotency-Key over 255 characters with idempotency_error and runs nothing', async () => {
    const error = await caught(
      stripe.checkout.sessions.create(checkoutParams, { idempotencyKey: 'k'.repeat(256) }),
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(error).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' })
    expect(error.message).toMatch(
      /^Idempotent key length is 256, which is outside accepted lengths\. Idempotent Keys must be 1-255 characters long\./,
    )
    expect(emulator.requests().map((request) => request.status)).toEqual([400])

    // The longest key Stripe takes still works.
    const session = await stripe.checkout.sessions.create(checkoutParams, {
      idempotencyKey: 'k'.repeat(255),
    })
    expect(session.status).toBe('open')
  })

  it('refuses payment_method_types on session create as an unknown parameter (removed in 2026-09-30)', async () => {
    const error = await caught(
      stripe.checkout.sessions.create({
        ...checkoutParams,
        payment_method_types: ['card'],
      } as Stripe.Checkout.SessionCreateParams),
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'payment_method_types',
      message: 'Received unknown parameter: payment_method_types',
    })
  })

  it('replays the first answer to a key whatever its status, but saves nothing for malformed params', async () => {
    // A bank debit that settles later, so the first refund meets a charge that has not succeeded.
    // The delay only has to outlast one local request, made right after paying.
    const slow = await createStripeEmulator({
      webhookSecret: WEBHOOK_SECRET,
      asyncPaymentDelayMs: 1500,
      transcript: emulatorTranscript('stripeEmulator.test (slow bank)'),
    })
    try {
      const client = new Stripe('sk_test_emulator', slow.stripeConfig)
      const session = await client.checkout.sessions.create(checkoutParams)
      const paid = slow.payCheckoutSession(session.id, {
        method: 'bank_transfer',
        outcome: 'succeeds',
      })
      expect(paid.outcome).toBe('processing')
      const paymentIntent = paid.session.payment_intent as string

      const refund = () =>
        client.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: 'refund-1' })
      const first = await caught(refund())
      expect(first).toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(/does not have a successful charge/),
      })

      await slow.idle()
      expect((await client.paymentIntents.retrieve(paymentIntent)).status).toBe('succeeded')
      // Stripe saved the 400 under the key: the same request gets it again, not a refund.
      const replayed = await caught(refund())
      expect(replayed).toMatchObject({ statusCode: 400, message: first.message })
      expect(replayed.headers?.['idempotent-replayed']).toBe('true')
      expect(slow.events().map((record) => record.event.type)).not.toContain('refund.created')

      // Refused before the endpoint ran: nothing saved, so the corrected request may reuse the key.
      const malformed = await caught(
        client.refunds.create(
          { payment_intent: paymentIntent, reason: 'because' as Stripe.RefundCreateParams.Reason },
          { idempotencyKey: 'refund-2' },
        ),
      )
      expect(malformed).toMatchObject({ statusCode: 400, param: 'reason' })
      const refunded = await client.refunds.create(
        { payment_intent: paymentIntent, reason: 'requested_by_customer' },
        { idempotencyKey: 'refund-2' },
      )
      expect(refunded).toMatchObject({ status: 'succeeded', amount: 4900 })
    } finally {
      await slow.close()
    }
  })

  it('emits what real Checkout emits for a card payment, in Stripe’s order', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    emulator.payCheckoutSession(session.id, { method: 'card', cardNumber: '4242424242424242' })
    const events = emulator.events().map((record) => record.event)
    expect(events.map((event) => event.type)).toEqual([
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
      'charge.updated',
    ])
    const [created, succeeded, , , updated] = events
    expect(created.data.object).toMatchObject({
      status: 'requires_payment_method',
      latest_charge: null,
      payment_method: null,
    })
    // The balance transaction arrives after the charge succeeded, as charge.updated says.
    expect(succeeded.data.object).toMatchObject({ status: 'succeeded', balance_transaction: null })
    expect(updated.data).toMatchObject({
      object: { id: succeeded.data.object.id, balance_transaction: expect.stringMatching(/^txn_/) },
      previous_attributes: { balance_transaction: null },
    })
    await emulator.idle()
    const delivered = verify(
      await receiver.waitFor('charge.updated', updated.data.object.id as string),
    )
    expect(delivered.data.previous_attributes).toEqual({ balance_transaction: null })
  })

  it('emits what real Checkout emits for a bank debit that settles, in Stripe’s order', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    emulator.payCheckoutSession(session.id, { method: 'bank_transfer', outcome: 'succeeds' })
    await emulator.idle()
    expect(emulator.events().map((record) => record.event.type)).toEqual([
      'payment_intent.created',
      'payment_intent.processing',
      'charge.pending',
      'checkout.session.completed',
      'charge.succeeded',
      'payment_intent.succeeded',
      'checkout.session.async_payment_succeeded',
      'charge.updated',
    ])
  })
})

describe('Stripe emulator: hosted checkout page', () => {
  it('shows what is bought, the amount, the email, the test cards and every way to pay', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    const page = await fetch(session.url!)
    const html = await page.text()

    expect(page.status).toBe(200)
    for (const text of [
      'Workflow Templates',
      '$49.00',
      'shopper@example.com',
      '4242 4242 4242 4242',
      '4000 0000 0000 0002',
      '>Pay<',
      'Pay by bank transfer (delayed)',
      'Pay by bank transfer that fails (delayed)',
    ]) {
      expect(html).toContain(text)
    }
    expect(html).toContain(`<a href="${checkoutParams.cancel_url}">Cancel</a>`)
  })

  it('paying with 4242 completes the session, redirects 303 to success_url, and sends a verifiable checkout.session.completed', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    const response = await submitCheckoutPage(session, {
      method: 'card',
      card_number: '4242 4242 4242 4242',
    })

    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(
      `http://localhost:3000/products/account?purchased=workflow-templates&session_id=${session.id}`,
    )

    const delivery = await receiver.waitFor('checkout.session.completed', session.id)
    expect(delivery.headers['content-type']).toMatch(/^application\/json/)
    const event = verify(delivery)
    expect(event).toMatchObject({
      object: 'event',
      type: 'checkout.session.completed',
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
    })
    expect(event.id).toMatch(/^evt_/)
    const completed = event.data.object as Stripe.Checkout.Session
    expect(completed).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      metadata: { userId: '7', productSlug: 'workflow-templates' },
      client_reference_id: '7',
    })
    expect(completed.payment_intent).toMatch(/^pi_/)
    expect(completed.customer_details?.email).toBe('shopper@example.com')
    expect(Object.keys(event)).toEqual(expect.arrayContaining(Object.keys(fixtures.event)))
    expect(await stripe.events.retrieve(event.id)).toMatchObject({
      id: event.id,
      type: 'checkout.session.completed',
    })

    expect(() =>
      stripe.webhooks.constructEvent(
        delivery.rawBody,
        delivery.headers['stripe-signature'] as string,
        'whsec_someone_else',
      ),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError)
  })

  it('a declined card shows Stripe’s message with 402, keeps the session open and sends no completed event', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    const response = await submitCheckoutPage(session, {
      method: 'card',
      card_number: '4000 0000 0000 0002',
    })

    expect(response.status).toBe(402)
    expect(await response.text()).toContain('Your card was declined.')
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
    })

    await emulator.idle()
    expect(emulator.events()).toEqual([])
    expect(receiver.deliveries).toEqual([])
  })

  it('a bank transfer completes the session unpaid, then async_payment_succeeded marks it paid', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    const response = await submitCheckoutPage(session, { method: 'bank_transfer' })
    expect(response.status).toBe(303)

    const completed = verify(await receiver.waitFor('checkout.session.completed', session.id))
    const succeeded = verify(
      await receiver.waitFor('checkout.session.async_payment_succeeded', session.id),
    )
    expect(completed.data.object).toMatchObject({ status: 'complete', payment_status: 'unpaid' })
    expect(succeeded.data.object).toMatchObject({ status: 'complete', payment_status: 'paid' })
    expect(eventsAbout(session.id).map((record) => record.event.type)).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
    ])

    const settled = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    })
    expect(settled).toMatchObject({
      payment_status: 'paid',
      payment_intent: {
        status: 'succeeded',
        amount_received: 4900,
        payment_method_types: ['us_bank_account'],
      },
    })
  })

  it('a failing bank transfer ends with async_payment_failed and the session stays unpaid', async () => {
    const session = await stripe.checkout.sessions.create(checkoutParams)
    expect((await submitCheckoutPage(session, { method: 'bank_transfer_fails' })).status).toBe(303)

    const failed = verify(
      await receiver.waitFor('checkout.session.async_payment_failed', session.id),
    )
    expect(failed.data.object).toMatchObject({ status: 'complete', payment_status: 'unpaid' })
    const retrieved = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent'],
    })
    expect(retrieved).toMatchObject({
      payment_status: 'unpaid',
      payment_intent: { status: 'requires_payment_method' },
    })
  })
})

describe('Stripe emulator: webhook delivery', () => {
  it('retries a failing endpoint with backoff: 500, 500, then 200 makes three attempts', async () => {
    let failuresLeft = 2
    receiver.answerWith((delivery) =>
      delivery.event.type === 'checkout.session.completed' && failuresLeft-- > 0 ? 500 : 200,
    )
    const session = await stripe.checkout.sessions.create(checkoutParams)
    await submitCheckoutPage(session, { method: 'card', card_number: '4242424242424242' })
    await emulator.idle()

    const [record] = eventsAbout(session.id)
    expect(record.event.type).toBe('checkout.session.completed')
    expect(record.delivery.status).toBe('succeeded')
    expect(
      record.delivery.attempts.map(({ number, trigger, status, nextRetryInMs }) => ({
        number,
        trigger,
        status,
        nextRetryInMs,
      })),
    ).toEqual([
      { number: 1, trigger: 'automatic', status: 500, nextRetryInMs: RETRY_DELAYS_MS[0] },
      { number: 2, trigger: 'retry', status: 500, nextRetryInMs: RETRY_DELAYS_MS[1] },
      { number: 3, trigger: 'retry', status: 200, nextRetryInMs: null },
    ])
    const received = receiver.deliveries.filter((delivery) => delivery.event.id === record.event.id)
    expect(received).toHaveLength(3)
    for (const delivery of received) expect(verify(delivery).id).toBe(record.event.id)
  })

  it('gives up after the last retry delay and marks the delivery failed', async () => {
    receiver.answerWith(() => 503)
    const { session } = await paidSession()
    await emulator.idle()

    const [record] = eventsAbout(session.id)
    expect(record.delivery.status).toBe('failed')
    expect(record.delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 503, 503, 503])
    expect(record.delivery.attempts.at(-1)?.nextRetryInMs).toBeNull()
  })

  it('resends an event by id with the same id and payload, from the handle and from the admin endpoint', async () => {
    const { session } = await paidSession()
    const original = await receiver.waitFor('checkout.session.completed', session.id)
    await emulator.idle()

    const attempt = await emulator.resendEvent(original.event.id)
    expect(attempt).toMatchObject({ trigger: 'resend', status: 200, number: 2 })
    const viaAdmin = await fetch(`${emulator.url}/_emulator/events/${original.event.id}/resend`, {
      method: 'POST',
    })
    expect(await viaAdmin.json()).toMatchObject({ trigger: 'resend', status: 200, number: 3 })

    const copies = receiver.deliveries.filter((delivery) => delivery.event.id === original.event.id)
    expect(copies).toHaveLength(3)
    for (const copy of copies) {
      expect(verify(copy).id).toBe(original.event.id)
      expect(copy.rawBody).toBe(original.rawBody)
    }
  })
})

describe('Stripe emulator: refunds and disputes', () => {
  it('a full refund marks the charge refunded and fires charge.refunded with the charge; a second refund is refused', async () => {
    const { paymentIntentId } = await paidSession()
    const refund = await stripe.refunds.create(
      { payment_intent: paymentIntentId },
      { idempotencyKey: 'refund-1' },
    )
    expect(refund).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 4900,
      currency: 'usd',
      payment_intent: paymentIntentId,
    })

    const chargeId = refund.charge as string
    const event = verify(await receiver.waitFor('charge.refunded', chargeId))
    expect(event.data.object).toMatchObject({
      object: 'charge',
      id: chargeId,
      payment_intent: paymentIntentId,
      refunded: true,
      amount_refunded: 4900,
    })
    expect(event.request).toEqual({
      id: refund.lastResponse.requestId,
      idempotency_key: 'refund-1',
    })

    expect(await caught(stripe.refunds.create({ payment_intent: paymentIntentId }))).toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'charge_already_refunded',
    })
    expect(await caught(stripe.refunds.create({ charge: 'ch_missing' }))).toMatchObject({
      code: 'resource_missing',
      param: 'charge',
    })
  })

  it('opens and closes a dispute through the admin endpoints, firing charge.dispute.created and charge.dispute.closed', async () => {
    const { paymentIntentId } = await paidSession()
    const opened = await fetch(`${emulator.url}/_emulator/charges/${paymentIntentId}/dispute`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'fraudulent' }),
    })
    const dispute = (await opened.json()) as Stripe.Dispute
    expect(dispute).toMatchObject({
      object: 'dispute',
      status: 'needs_response',
      amount: 4900,
      payment_intent: paymentIntentId,
      reason: 'fraudulent',
    })

    const created = verify(await receiver.waitFor('charge.dispute.created', dispute.id))
    expect(created.data.object).toMatchObject({ charge: dispute.charge, status: 'needs_response' })
    expect((await stripe.charges.retrieve(dispute.charge as string)).disputed).toBe(true)

    const closed = await fetch(`${emulator.url}/_emulator/disputes/${dispute.id}/close`, {
      method: 'POST',
      body: new URLSearchParams({ status: 'lost' }),
    })
    expect(closed.status).toBe(200)
    expect(
      verify(await receiver.waitFor('charge.dispute.closed', dispute.id)).data.object,
    ).toMatchObject({ status: 'lost' })
  })

  it('takes dispute evidence (merged), submits it once, and refuses unknown fields, over-long text and updates after submission', async () => {
    const { paymentIntentId } = await paidSession()
    const dispute = emulator.openDispute(paymentIntentId)
    const draft = await stripe.disputes.update(dispute.id, {
      evidence: { customer_email_address: 'ada@example.com', access_activity_log: 'one line' },
    })
    expect(draft.status).toBe('needs_response')
    expect(draft.evidence.customer_email_address).toBe('ada@example.com')
    expect(draft.evidence_details.has_evidence).toBe(true)

    const submitted = await stripe.disputes.update(dispute.id, {
      evidence: { product_description: 'A zip of templates' },
      submit: true,
    })
    expect(submitted).toMatchObject({ status: 'under_review' })
    expect(submitted.evidence).toMatchObject({
      customer_email_address: 'ada@example.com',
      product_description: 'A zip of templates',
    })
    expect(submitted.evidence_details.submission_count).toBe(1)
    expect(eventsAbout(dispute.id).map((record) => record.event.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.updated',
      'charge.dispute.updated',
    ])
    expect(
      await caught(
        stripe.disputes.update(dispute.id, { evidence: { uncategorized_text: 'more' } }),
      ),
    ).toMatchObject({ statusCode: 400, message: expect.stringContaining('already been submitted') })

    const other = emulator.openDispute((await paidSession()).paymentIntentId)
    expect(
      await caught(
        stripe.disputes.update(other.id, {
          evidence: { favourite_colour: 'blue' } as never,
        }),
      ),
    ).toMatchObject({ statusCode: 400, param: 'evidence[favourite_colour]' })
    expect(
      await caught(
        stripe.disputes.update(other.id, { evidence: { access_activity_log: 'x'.repeat(20_001) } }),
      ),
    ).toMatchObject({ statusCode: 400, param: 'evidence[access_activity_log]' })
  })
})

describe('Stripe emulator: admin endpoints and parsing', () => {
  it('lists events with delivery attempts and recorded requests, and reset forgets them but keeps prices', async () => {
    const { session } = await paidSession()
    await emulator.idle()

    const events = (await (
      await fetch(`${emulator.url}/_emulator/events?type=checkout.session.completed`)
    ).json()) as { data: EventRecord[] }
    expect(events.data).toHaveLength(1)
    expect(events.data[0]).toMatchObject({
      event: { type: 'checkout.session.completed', data: { object: { id: session.id } } },
      delivery: { status: 'succeeded', attempts: [{ status: 200 }] },
    })
    const requests = (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as {
      data: Array<{ path: string }>
    }
    expect(requests.data.map((request) => request.path)).toEqual([
      '/v1/checkout/sessions',
      `/v1/checkout/sessions/${session.id}`,
    ])

    expect((await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' })).status).toBe(200)
    expect(emulator.events()).toEqual([])
    expect(emulator.requests()).toEqual([])
    expect(await caught(stripe.checkout.sessions.retrieve(session.id))).toMatchObject({
      statusCode: 404,
    })
    expect((await stripe.prices.retrieve('price_demo_workflow_templates')).unit_amount).toBe(4900)
  })

  it('parses Stripe’s bracket notation into nested hashes and arrays', () => {
    expect(
      parseStripeParams(
        'line_items[0][price]=price_a&line_items[0][quantity]=2&line_items[1][price]=price_b&metadata[note]=a+b%2Bc&expand[]=x&expand[]=y&empty=',
      ),
    ).toEqual({
      line_items: [{ price: 'price_a', quantity: '2' }, { price: 'price_b' }],
      metadata: { note: 'a b+c' },
      expand: ['x', 'y'],
      empty: '',
    })
    expect(() => parseStripeParams('metadata[__proto__][polluted]=1')).toThrow(
      /Invalid parameter name/,
    )
  })
})

describe('Stripe emulator: listing Checkout Sessions', () => {
  it('lists newest first, filtered by created and status, a page of limit at a time with has_more', async () => {
    const created: string[] = []
    for (let index = 0; index < 5; index += 1) {
      const session = await stripe.checkout.sessions.create(checkoutParams)
      if (index < 4)
        emulator.payCheckoutSession(session.id, { method: 'card', cardNumber: '4242424242424242' })
      created.push(session.id)
    }
    const since = (await stripe.checkout.sessions.retrieve(created[0])).created

    const first = await stripe.checkout.sessions.list({
      created: { gte: since },
      status: 'complete',
      limit: 3,
    })
    expect(first.object).toBe('list')
    expect(first.url).toBe('/v1/checkout/sessions')
    expect(first.data.map((session) => session.id)).toEqual([created[3], created[2], created[1]])
    expect(first.has_more).toBe(true)
    const second = await stripe.checkout.sessions.list({
      created: { gte: since },
      status: 'complete',
      limit: 3,
      starting_after: first.data[2].id,
    })
    expect(second.data.map((session) => session.id)).toEqual([created[0]])
    expect(second.has_more).toBe(false)

    // The SDK's auto-pagination follows starting_after until has_more is false.
    const all: string[] = []
    for await (const session of stripe.checkout.sessions.list({ limit: 2 })) all.push(session.id)
    expect(all).toEqual([...created].reverse())

    expect((await stripe.checkout.sessions.list({ created: { gt: since + 3600 } })).data).toEqual(
      [],
    )
    expect(
      (await stripe.checkout.sessions.list({ status: 'open' })).data.map((session) => session.id),
    ).toEqual([created[4]])
  })

  it('refuses a limit over 100, an unknown status or filter, and an unknown cursor like Stripe', async () => {
    expect(await caught(stripe.checkout.sessions.list({ limit: 101 }))).toMatchObject({
      statusCode: 400,
      param: 'limit',
    })
    expect(
      await caught(stripe.checkout.sessions.list({ status: 'paid' as 'complete' })),
    ).toMatchObject({ statusCode: 400, param: 'status' })
    expect(
      await caught(
        stripe.checkout.sessions.list({ created: { after: 1 } as unknown as { gte: number } }),
      ),
    ).toMatchObject({ statusCode: 400, param: 'created[after]' })
    expect(
      await caught(stripe.checkout.sessions.list({ starting_after: 'cs_test_nobody' })),
    ).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'starting_after' })
  })
})

describe('Stripe emulator: switching webhook deliveries off', () => {
  it('records events but delivers none while off, and delivers again once on (nothing re-sent)', async () => {
    const off = await fetch(`${emulator.url}/_emulator/webhooks`, {
      method: 'POST',
      body: new URLSearchParams({ enabled: 'false' }),
    })
    expect(await off.json()).toEqual({ enabled: false, url: receiver.url })
    const { session } = await paidSession()
    await emulator.idle()
    const [record] = eventsAbout(session.id)
    expect(record.event.type).toBe('checkout.session.completed')
    expect(record.event.pending_webhooks).toBe(0)
    expect(record.delivery).toEqual({ status: 'not_sent', attempts: [] })
    expect(receiver.deliveries).toEqual([])

    const on = await fetch(`${emulator.url}/_emulator/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ enabled: true }),
    })
    expect(await on.json()).toMatchObject({ enabled: true })
    const later = await paidSession()
    await receiver.waitFor('checkout.session.completed', later.session.id)
    expect(receiver.deliveries.some((delivery) => delivery.event.id === record.event.id)).toBe(
      false,
    )
  })

  it('refuses anything but enabled=true|false', async () => {
    const refused = await fetch(`${emulator.url}/_emulator/webhooks`, {
      method: 'POST',
      body: new URLSearchParams({ enabled: 'maybe' }),
    })
    expect(refused.status).toBe(400)
    expect(await (await fetch(`${emulator.url}/_emulator/webhooks`)).json()).toMatchObject({
      enabled: true,
    })
  })
})
