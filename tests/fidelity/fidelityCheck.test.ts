import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createStripeEmulator,
  type StripeEmulator,
  type TranscriptEntry,
} from '@/dev/stripeEmulator'
import { CATALOG_PARAMS } from '@/dev/stripeEmulator/catalogParams'
import fixtures from '@/dev/stripeEmulator/fixtures.json'

import { emulatorTranscript } from '../helpers/stripeEmulator'
import { checkResendTranscript } from './checkResendTranscript'
import { checkStripeTranscript } from './checkStripeTranscript'
import {
  createStripeTypeChecker,
  type StripeTarget,
  type StripeTypeChecker,
} from './stripeTypeChecker'

/**
 * The checks globalSetup runs over the whole suite's transcripts must catch what they claim to
 * catch; these tests feed them known-bad input. The emulator tests at the end check its objects
 * one by one, so a regression names the object instead of only failing the run's teardown.
 */

let checker: StripeTypeChecker
let emulator: StripeEmulator
let stripe: Stripe

const clone = <T>(value: T): T => structuredClone(value)

beforeAll(async () => {
  checker = createStripeTypeChecker()
  emulator = await createStripeEmulator({
    webhookSecret: 'whsec_fidelity_test',
    asyncPaymentDelayMs: 1,
    transcript: emulatorTranscript('fidelityCheck.test'),
  })
  stripe = new Stripe('sk_test_fidelity', emulator.stripeConfig)
})

afterAll(async () => {
  await emulator?.close()
})

describe('checking against the pinned stripe SDK types', () => {
  it('flags a missing required field, an undeclared field, a value outside an enum and a wrong type', () => {
    const product = { ...clone(fixtures.product), tax_details: null }
    expect(checker.checkObject('product', product)).toEqual([])

    const { tax_details: _omitted, ...withoutTaxDetails } = product
    expect(checker.checkObject('product', withoutTaxDetails)).toEqual([
      { path: 'tax_details', problem: 'required field is missing' },
    ])
    expect(checker.checkObject('product', { ...product, colour: 'blue' })).toEqual([
      { path: 'colour', problem: 'field not declared in this version' },
    ])
    expect(checker.checkObject('price', { ...clone(fixtures.price), type: 'sometimes' })).toEqual([
      { path: 'type', problem: 'string "sometimes" is not one of "one_time", "recurring"' },
    ])
    expect(checker.checkObject('price', { ...clone(fixtures.price), unit_amount: '2000' })).toEqual(
      [{ path: 'unit_amount', problem: 'expected null | number, got string "2000"' }],
    )
  })

  it('picks the event variant by its type and checks its data.object as that object', () => {
    const event = {
      ...clone(fixtures.event),
      type: 'product.created',
      data: { object: { ...clone(fixtures.product), tax_details: null } },
    }
    expect(checker.checkObject('event', event)).toEqual([])
    const { tax_details: _omitted, ...withoutTaxDetails } = event.data.object
    expect(checker.checkObject('event', { ...event, data: { object: withoutTaxDetails } })).toEqual(
      [{ path: 'data.object.tax_details', problem: 'required field is missing' }],
    )
    expect(checker.checkObject('event', { ...event, type: 'product.exploded' })[0]).toMatchObject({
      path: '',
      problem: expect.stringContaining('"product.exploded"'),
    })
  })

  it('reads form params as Stripe parses them: strings that must spell the declared type', () => {
    const params = {
      mode: 'payment',
      line_items: [{ price: 'price_x', quantity: '1' }],
      success_url: 'https://shop.example/done',
      metadata: { userId: '7' },
      expand: ['line_items'],
    }
    expect(checker.checkParams('SessionCreateParams', params)).toEqual([])
    expect(
      checker.checkParams('SessionCreateParams', {
        ...params,
        payment_method_types: ['card'],
        mode: 'rental',
        line_items: [{ price: 'price_x', quantity: 'one' }],
      }),
    ).toEqual([
      { path: 'line_items[0].quantity', problem: 'expected number, got string "one"' },
      {
        path: 'mode',
        problem: 'string "rental" is not one of "payment", "setup", "subscription"',
      },
      { path: 'payment_method_types', problem: 'unknown parameter' },
    ])
  })

  it('the emulator knows exactly the parameters SessionCreateParams declares', async () => {
    const declared = checker.propertyNames('SessionCreateParams')
    expect(declared).not.toContain('payment_method_types')
    const answers = await Promise.all(
      [...declared, 'payment_method_types', 'not_a_stripe_param'].map(async (name) => {
        const response = await fetch(`${emulator.url}/v1/checkout/sessions`, {
          method: 'POST',
          headers: {
            Authorization: 'Bearer sk_test_fidelity',
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ [name]: 'x' }),
        })
        const { error } = (await response.json()) as { error?: { code?: string } }
        return [name, error?.code === 'parameter_unknown'] as const
      }),
    )
    const refused = answers.filter(([, unknown]) => unknown).map(([name]) => name)
    expect(refused).toEqual(['payment_method_types', 'not_a_stripe_param'])
  })
})

describe('the run-wide report', () => {
  const api = (overrides: Partial<Extract<TranscriptEntry, { kind: 'api' }>>) =>
    ({
      kind: 'api',
      method: 'GET',
      path: '/v1/products/prod_x',
      params: {},
      status: 200,
      body: { ...clone(fixtures.product), tax_details: null },
      injected: false,
      replayed: false,
      ...overrides,
    }) as TranscriptEntry

  it('reports what the emulator said wrong, once per field, and skips a test’s injected fault', () => {
    const withoutTaxDetails = clone(fixtures.product)
    const report = checkStripeTranscript(checker, [
      { source: 'shop', requests: 'all', entry: api({}) },
      { source: 'shop', requests: 'all', entry: api({ body: withoutTaxDetails }) },
      { source: 'shop', requests: 'all', entry: api({ body: withoutTaxDetails }) },
      {
        source: 'shop',
        requests: 'all',
        entry: api({ injected: true, body: { id: 'cs_x', object: 'checkout.session' } }),
      },
    ])
    expect(report.responses).toBe(3)
    expect(report.findings).toEqual([
      expect.objectContaining({
        what: 'response product',
        path: 'tax_details',
        problem: 'required field is missing',
        count: 2,
      }),
    ])
  })

  it('checks every request the shop sends, but only the accepted ones on a test’s own emulator', () => {
    const unknownParam = api({
      method: 'POST',
      path: '/v1/checkout/sessions',
      params: { mode: 'payment', payment_method_types: ['card'] },
      status: 400,
      body: { error: { type: 'invalid_request_error', message: 'Received unknown parameter' } },
    })
    expect(
      checkStripeTranscript(checker, [
        { source: 'test', requests: 'accepted', entry: unknownParam },
      ]).findings,
    ).toEqual([])
    expect(
      checkStripeTranscript(checker, [{ source: 'shop', requests: 'all', entry: unknownParam }])
        .findings,
    ).toEqual([
      expect.objectContaining({
        what: 'request SessionCreateParams',
        path: 'payment_method_types',
        problem: 'unknown parameter',
      }),
    ])
  })

  it('checks Resend bodies against the OpenAPI description, with unknown fields refused', () => {
    const send = (body: unknown) => ({
      source: 'shop',
      requests: 'all' as const,
      entry: {
        method: 'POST',
        path: '/emails',
        body,
        idempotencyKey: 'k'.repeat(257),
        status: 200,
        response: { id: 'x' },
      },
    })
    const good = {
      from: 'Shop <shop@test.example>',
      to: ['a@b.example'],
      subject: 'Hi',
      html: '<p>Hi</p>',
    }
    const report = checkResendTranscript([
      send(good),
      send({ ...good, subject: undefined, replyTo: 'x@y.example' }),
    ])
    expect(report.findings.map(({ what, path, problem }) => ({ what, path, problem }))).toEqual([
      {
        what: 'request Idempotency-Key header',
        path: '',
        problem: 'must NOT have more than 256 characters',
      },
      {
        what: 'request SendEmailRequest',
        path: '',
        problem: "must have required property 'subject'",
      },
      { what: 'request SendEmailRequest', path: '', problem: 'unknown field "replyTo"' },
    ])
  })
})

describe('what the emulator builds fits the SDK types', () => {
  it('products, prices, sessions with line items, payment intents, charges, refunds and disputes', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: 'price_demo_workflow_templates', quantity: 1 }],
      success_url: 'https://shop.example/done?session_id={CHECKOUT_SESSION_ID}',
    })
    emulator.payCheckoutSession(session.id, {
      method: 'card',
      cardNumber: '4242424242424242',
      email: 'a@b.example',
    })
    const paid = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['line_items.data.price.product', 'payment_intent.latest_charge'],
    })
    const paymentIntent = paid.payment_intent as Stripe.PaymentIntent
    const dispute = emulator.openDispute(paymentIntent.id)
    emulator.closeDispute(dispute.id, 'won')

    const second = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: 'price_demo_discovery_toolkit', quantity: 1 }],
      success_url: 'https://shop.example/done',
    })
    emulator.payCheckoutSession(second.id, {
      method: 'bank_transfer',
      outcome: 'succeeds',
      email: 'a@b.example',
    })
    await emulator.idle()
    const settled = await stripe.checkout.sessions.retrieve(second.id)
    const refund = await stripe.refunds.create({ payment_intent: settled.payment_intent as string })

    // The bodies as sent: the SDK rewrites some fields (decimals) when it reads a response.
    const wire = async (path: string) =>
      (await fetch(`${emulator.url}${path}`, {
        headers: { Authorization: 'Bearer sk_test_fidelity' },
      }).then((response) => response.json())) as unknown
    const charge = paymentIntent.latest_charge as Stripe.Charge
    const objects: Array<[StripeTarget, unknown]> = [
      [
        'checkout.session',
        await wire(
          `/v1/checkout/sessions/${session.id}?expand[]=line_items.data.price.product&expand[]=payment_intent.latest_charge`,
        ),
      ],
      ['product', await wire('/v1/products/prod_demo_workflow_templates')],
      ['price', await wire('/v1/prices/price_demo_workflow_templates')],
      ['charge', await wire(`/v1/charges/${charge.id}`)],
      ['dispute', await wire(`/v1/disputes/${dispute.id}`)],
      ['refund', await wire(`/v1/refunds/${refund.id}`)],
      ...emulator.events().map((record): [StripeTarget, unknown] => ['event', record.event]),
    ]
    const problems = objects.flatMap(([target, value]) =>
      checker.checkObject(target, value).map((violation) => ({ target, ...violation })),
    )
    expect(problems).toEqual([])
    expect(emulator.events().length).toBeGreaterThanOrEqual(14)
  })

  it.each(Object.keys(CATALOG_PARAMS) as Array<keyof typeof CATALOG_PARAMS>)(
    'the emulator knows exactly the parameters %s declares',
    (target) => {
      expect([...CATALOG_PARAMS[target]].sort()).toEqual([...checker.propertyNames(target)].sort())
    },
  )

  it('products.create, prices.create and archiving a price answer with objects the SDK types describe', async () => {
    const product = await stripe.products.create(
      { name: 'Fidelity product', metadata: { slug: 'fidelity' } },
      { idempotencyKey: 'fidelity-product' },
    )
    expect(checker.checkObject('product', clone(product))).toEqual([])
    const price = await stripe.prices.create({
      product: product.id,
      unit_amount: 4900,
      currency: 'eur',
    })
    expect(price).toMatchObject({
      active: true,
      type: 'one_time',
      unit_amount: 4900,
      currency: 'eur',
    })
    // As sent on the wire (the SDK turns unit_amount_decimal into its Decimal class when it reads it).
    const raw = await fetch(`${emulator.url}/v1/prices/${price.id}`, {
      headers: { Authorization: 'Bearer sk_test_fidelity' },
    })
    expect(checker.checkObject('price', await raw.json())).toEqual([])
    const archived = await stripe.prices.update(price.id, { active: false })
    expect(archived.active).toBe(false)
    expect((await stripe.prices.retrieve(price.id)).active).toBe(false)
  })

  it('the catalog calls refuse what Stripe refuses', async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: { statusCode?: number; code?: string; param?: string }) => ({
          status: error.statusCode,
          code: error.code,
          param: error.param,
        }),
      )
    expect(await refusal(stripe.products.create({} as Stripe.ProductCreateParams))).toEqual({
      status: 400,
      code: 'parameter_missing',
      param: 'name',
    })
    expect(
      await refusal(
        stripe.prices.create({ product: 'prod_missing', unit_amount: 1, currency: 'usd' }),
      ),
    ).toEqual({ status: 400, code: 'resource_missing', param: 'product' })
    const product = await stripe.products.create({ name: 'Refusals' })
    expect(
      await refusal(
        stripe.prices.create({ product: product.id, unit_amount: -1, currency: 'usd' }),
      ),
    ).toMatchObject({ status: 400, param: 'unit_amount' })
    expect(
      await refusal(stripe.prices.create({ product: product.id, unit_amount: 1, currency: 'xyz' })),
    ).toMatchObject({ status: 400, param: 'currency' })
    const price = await stripe.prices.create({
      product: product.id,
      unit_amount: 1,
      currency: 'usd',
    })
    // Prices are immutable: the amount is not an update parameter.
    expect(
      await refusal(stripe.prices.update(price.id, { unit_amount: 2 } as Stripe.PriceUpdateParams)),
    ).toEqual({ status: 400, code: 'parameter_unknown', param: 'unit_amount' })
    expect(await refusal(stripe.prices.update('price_missing', { active: false }))).toMatchObject({
      status: 404,
      code: 'resource_missing',
    })
  })
})
