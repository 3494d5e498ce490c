import type { Payload } from 'payload'

import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'

import { PURCHASE_STATUSES } from 'payload-plugin-storefront'

import { rest } from './helpers/api'
import { checkoutInStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { charge, checkoutSession, dispute, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { signature } from './helpers/webhook'

/**
 * Fuzzing POST /api/stripe/webhook with fast-check: bodies generated from nothing and bodies
 * mutated from real events, each sent with a valid signature or one of the ways a signature is
 * wrong. Whatever arrives: never a 5xx, and a body with a wrong signature leaves no row behind.
 * A failing run prints its seed; FUZZ_SEED=<seed> replays it.
 */

const MUTATED_RUNS = 800
const GENERATED_RUNS = 400
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31

let payload: Payload
let baseEvents: Array<Record<string, unknown>>

beforeAll(async () => {
  payload = await getTestPayload()
  const product = await createProduct({ title: 'Fuzz Pack' })
  const shopper = await createUser(['customer'])
  const session = await checkoutInStripe({
    userId: shopper.id,
    email: shopper.email,
    productSlug: product.slug,
  })
  const paymentIntent = session.payment_intent as string
  const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>
  baseEvents = [
    stripeEvent('checkout.session.completed', session),
    stripeEvent('checkout.session.async_payment_succeeded', session),
    stripeEvent('checkout.session.async_payment_failed', session),
    stripeEvent('charge.refunded', charge({ payment_intent: paymentIntent, refunded: true })),
    stripeEvent('charge.dispute.created', dispute({ payment_intent: paymentIntent })),
    stripeEvent('charge.dispute.closed', dispute({ payment_intent: paymentIntent, status: 'won' })),
    stripeEvent('checkout.session.completed', checkoutSession({ metadata: { userId: '1' } })),
    stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }),
  ].map(asJson)
}, 60_000)

/** Values that have broken parsers before: wrong types, extremes, markup, control characters. */
const nastyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    null,
    {},
    [],
    '',
    'xx<script>alert(1)</script>',
    "'; drop table purchases;--",
    '\u0000',
    '\r\nSet-Cookie: x=y',
    1e20,
    -1,
    0,
    Number.MAX_SAFE_INTEGER,
    true,
    'cs_test_' + 'a'.repeat(300),
    'evt_' + 'b'.repeat(300),
  ),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  // Stands for a long string (up to 1.2 MB), built when the mutation is applied, so a failing
  // run prints its size rather than the string.
  fc.record({ longStringOfLength: fc.integer({ min: 1, max: 1_200_000 }) }),
)

/**
 * Builds the long strings `nastyValue` only describes, and copies everything else: constantFrom
 * hands out the same `{}` every time, and a mutation must not edit (or nest) a shared value.
 */
function materialise(value: unknown): unknown {
  const length = (value as { longStringOfLength?: unknown } | null)?.longStringOfLength
  return typeof length === 'number' ? 'x'.repeat(length) : structuredClone(value)
}

type JsonPath = Array<number | string>

/** Every path into `value` (objects and arrays), so a mutation can pick any of them. */
function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [prefix]
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value)
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))]
}

type Mutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'add'; pick: number; key: string; value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: nastyValue }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')),
    value: nastyValue,
  }),
)

function applyMutation(root: Record<string, unknown>, change: Mutation): unknown {
  const paths = pathsOf(root)
  const path = paths[change.pick % paths.length]
  if (path.length === 0) return change.kind === 'replace' ? materialise(change.value) : root
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as never)[key], root) as
    Record<string, unknown> | unknown[]
  const key = path[path.length - 1]
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete (parent as Record<string, unknown>)[key]
  } else if (change.kind === 'replace') {
    ;(parent as Record<string, unknown>)[key] = materialise(change.value)
  } else {
    const target = (parent as Record<string, unknown>)[key]
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, change.key, {
        // defineProperty, so a key like __proto__ becomes an own property as JSON would make it.
        value: materialise(change.value),
        enumerable: true,
        configurable: true,
        writable: true,
      })
    }
  }
  return root
}

/** How the body is signed; everything but `valid` must be refused with 400 and leave nothing. */
const signing = fc.constantFrom(
  'valid',
  'valid',
  'valid',
  'other-secret',
  'tampered',
  'stale',
  'future',
  'garbage',
  'missing',
)

type Delivery = { raw: string; signedAs: string }

function headersFor(delivery: Delivery, original: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000)
  switch (delivery.signedAs) {
    case 'valid':
      return { 'Stripe-Signature': signature(delivery.raw) }
    case 'other-secret':
      return { 'Stripe-Signature': signature(delivery.raw, { secret: 'whsec_not_ours' }) }
    case 'tampered':
      // Signed before the mutation, sent after it (a body changed in transit).
      return {
        'Stripe-Signature': signature(original === delivery.raw ? `${original} ` : original),
      }
    case 'stale':
      return { 'Stripe-Signature': signature(delivery.raw, { timestamp: now - 3600 }) }
    case 'future':
      return { 'Stripe-Signature': signature(delivery.raw, { timestamp: now + 3600 }) }
    case 'garbage':
      return { 'Stripe-Signature': `t=${now},v1=${'0'.repeat(64)}` }
    default:
      return {}
  }
}

async function rowCounts() {
  const [purchases, events] = await Promise.all([
    payload.count({ collection: 'purchases' }),
    payload.count({ collection: 'stripe-events' }),
  ])
  return { purchases: purchases.totalDocs, events: events.totalDocs }
}

const statuses: Record<string, number> = {}
/** Each body gets its own event id, so the ledger's dedupe does not hide what the handler does. */
let deliveries = 0

async function deliverAndCheck(raw: string, original: string, signedAs: string) {
  const before = signedAs === 'valid' ? null : await rowCounts()
  const response = await rest('POST', '/stripe/webhook', {
    rawBody: raw,
    headers: headersFor({ raw, signedAs }, original),
  })
  const key = `${signedAs === 'valid' ? 'valid' : 'invalid'} ${response.status}`
  statuses[key] = (statuses[key] ?? 0) + 1
  const body = await response.text()
  if (response.status >= 500) {
    throw new Error(`${response.status} for a ${signedAs} body: ${body}\n${raw.slice(0, 300)}`)
  }
  if (before) {
    // 413: a body over the limit is refused before it is read, so before its signature is.
    expect([400, 413], `a ${signedAs} signature must be refused`).toContain(response.status)
    expect(await rowCounts()).toEqual(before)
  }
}

describe('webhook fuzzing (fast-check)', () => {
  it(`${MUTATED_RUNS} bodies mutated from real events: never a 5xx, nothing stored without a valid signature`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        signing,
        async (which, changes, signedAs) => {
          const base = baseEvents[which % baseEvents.length]
          const original = JSON.stringify({ ...base, id: `evt_fuzz_${seed}_${(deliveries += 1)}` })
          let mutated: unknown = JSON.parse(original)
          for (const change of changes) {
            mutated =
              mutated && typeof mutated === 'object'
                ? applyMutation(mutated as Record<string, unknown>, change)
                : mutated
          }
          await deliverAndCheck(JSON.stringify(mutated) ?? 'null', original, signedAs)
        },
      ),
      { numRuns: MUTATED_RUNS, seed, endOnFailure: true },
    )
  }, 600_000)

  it(`${GENERATED_RUNS} bodies generated from nothing (JSON, envelopes, raw text): never a 5xx`, async () => {
    const envelope = fc.record(
      {
        id: fc.oneof(fc.constant('evt_'), fc.string()).map((id) => `${id}${(deliveries += 1)}`),
        object: fc.constantFrom('event', 'charge', 42),
        type: fc.oneof(
          fc.constantFrom(
            'checkout.session.completed',
            'checkout.session.async_payment_failed',
            'charge.refunded',
            'charge.dispute.created',
            'charge.dispute.closed',
            'radar.early_fraud_warning.created',
          ),
          fc.string(),
        ),
        created: fc.oneof(fc.integer(), fc.double(), fc.string()),
        livemode: fc.oneof(fc.boolean(), nastyValue),
        data: fc.oneof(fc.record({ object: fc.oneof(fc.object(), nastyValue) }), nastyValue),
      },
      { requiredKeys: [] },
    )
    const rawBody = fc.oneof(
      envelope.map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', '{', '[]', 'null', '\uFEFF{}', '{"id": "evt_1", "type": '),
    )
    await fc.assert(
      fc.asyncProperty(rawBody, signing, (raw, signedAs) => deliverAndCheck(raw, raw, signedAs)),
      { numRuns: GENERATED_RUNS, seed, endOnFailure: true },
    )
  }, 600_000)

  it('every purchase stored along the way holds values pages can show', async () => {
    const { docs } = await payload.find({ collection: 'purchases', pagination: false })
    for (const purchase of docs) {
      expect(purchase.currency).toMatch(/^[a-z]{3}$/)
      expect(Number.isInteger(purchase.amountCents) && purchase.amountCents >= 0).toBe(true)
      expect(PURCHASE_STATUSES).toContain(purchase.status)
      expect(purchase.productSlug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    }
    console.info(`webhook fuzz (seed ${seed}): responses by signature and status`, statuses)
  })
})
