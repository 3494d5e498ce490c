import { z } from 'zod'

import { CURRENCY_PATTERN, isProductSlug, STRIPE_ID_MAX_LENGTH } from '../constants'
import { StorefrontError } from '../errors'

/**
 * The fields the shop reads from Stripe, checked before anything is stored or shown. A signed
 * event is Stripe's word on WHAT happened, but its fields still reach the database, the pages and
 * the receipts: a 10 MB slug, a currency like `xx<script>` or a `created` of 1e20 must end as a
 * refusal with a reason (400, or 200 where retrying cannot help), never as a 500 or a stored value.
 */

const stripeId = (prefix: string) =>
  z
    .string()
    .max(STRIPE_ID_MAX_LENGTH)
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9_]+$`), `must be a Stripe id starting with ${prefix}_`)

export const CHECKOUT_SESSION_ID = stripeId('cs')

/** Seconds since 1970 that a Date can hold and Stripe could have sent (before the year 3000). */
const UNIX_SECONDS_MAX = 32_503_680_000

/** Every event: enough to key the ledger (id), route it (type) and date it (created). */
export const stripeEventEnvelope = z.object({
  id: stripeId('evt'),
  object: z.literal('event').optional(),
  type: z
    .string()
    .max(100)
    .regex(/^[a-z_]+(?:\.[a-z_]+)+$/, 'must be a Stripe event type such as charge.refunded'),
  created: z.number().int().min(0).max(UNIX_SECONDS_MAX),
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
})

export type StripeEventEnvelope = z.infer<typeof stripeEventEnvelope>

const expandable = (prefix: string) =>
  z.union([stripeId(prefix), z.object({ id: stripeId(prefix) }).loose()])

/**
 * A checkout session event is only a pointer: the session itself is asked of Stripe. Its metadata
 * is read only to refuse, at once, a session that this shop cannot attribute.
 */
export const checkoutSessionEventObject = z.object({
  id: CHECKOUT_SESSION_ID,
  metadata: z.record(z.string(), z.string()).nullable().optional(),
})

export const refundedChargeObject = z.object({
  id: stripeId('ch').or(stripeId('py')),
  payment_intent: expandable('pi').nullable(),
  refunded: z.boolean(),
  amount: z.number().int().min(0),
  amount_refunded: z.number().int().min(0),
})

export const disputeObject = z.object({
  id: stripeId('dp').or(stripeId('du')),
  payment_intent: expandable('pi').nullable(),
  status: z.string().max(50),
})

/** An issuer's early fraud warning (Radar); `payment_intent` may be absent on older charges. */
export const earlyFraudWarningObject = z.object({
  id: stripeId('issfr'),
  charge: z.union([stripeId('ch'), stripeId('py'), z.object({ id: z.string().max(255) }).loose()]),
  payment_intent: expandable('pi').nullable().optional(),
  actionable: z.boolean(),
  fraud_type: z.string().max(100),
})

const email = z.string().max(320).nullable().optional()

/** The checkout session as retrieved from Stripe (with line_items expanded). */
export const retrievedCheckoutSession = z.object({
  id: CHECKOUT_SESSION_ID,
  mode: z.string().max(50),
  status: z.string().max(50).nullable(),
  payment_status: z.string().max(50),
  currency: z.string().max(10).nullable(),
  amount_total: z.number().int().min(0).nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
  payment_intent: expandable('pi').nullable(),
  customer_email: email,
  customer_details: z.object({ email }).loose().nullable().optional(),
  line_items: z
    .object({
      data: z.array(
        z
          .object({
            quantity: z.number().int().nullable(),
            price: z
              .object({
                id: stripeId('price'),
                currency: z.string().max(10),
                product: expandable('prod'),
              })
              .loose()
              .nullable(),
          })
          .loose(),
      ),
    })
    .loose()
    .optional(),
})

export type RetrievedCheckoutSession = z.infer<typeof retrievedCheckoutSession>

/** What a user id in session metadata may look like: what Payload's ids look like. */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * userId and productSlug, which POST /api/checkout put on every session it created.
 * @throws StorefrontError 400: a session this shop cannot attribute (retrying cannot fix it)
 */
export function readSessionMetadata(session: Pick<RetrievedCheckoutSession, 'id' | 'metadata'>) {
  const userId = session.metadata?.userId
  const productSlug = session.metadata?.productSlug
  if (!userId) {
    throw new StorefrontError(
      `Checkout session ${session.id} has no userId in its metadata, so it cannot be attributed to a shopper.`,
      400,
    )
  }
  if (!productSlug) {
    throw new StorefrontError(
      `Checkout session ${session.id} has no productSlug in its metadata, so the shop cannot tell what was bought.`,
      400,
    )
  }
  if (!USER_ID.test(userId)) {
    throw new StorefrontError(
      `Checkout session ${session.id} has a userId in its metadata that is not a user id of this shop.`,
      400,
    )
  }
  if (!isProductSlug(productSlug)) {
    throw new StorefrontError(
      `Checkout session ${session.id} has a productSlug in its metadata that is not a product slug of this shop.`,
      400,
    )
  }
  return { userId, productSlug }
}

/** Turns the first problem zod found into a short sentence naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.length ? issue.path.join('.') : 'the value'
  return `${where} ${issue?.message ?? 'is invalid'}`.slice(0, 200)
}

/**
 * Parses `value` with `schema`.
 * @throws StorefrontError 400 naming what is wrong with `what`
 */
export function parseOrReject<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new StorefrontError(`${what} is not valid: ${describeIssue(result.error)}.`, 400)
  }
  return result.data
}

/** A currency Stripe could have charged in (lowercase ISO code). */
export const isCurrency = (value: unknown): value is string =>
  typeof value === 'string' && CURRENCY_PATTERN.test(value)
