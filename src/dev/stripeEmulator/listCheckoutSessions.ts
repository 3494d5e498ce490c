import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { StripeParams, StripeParamValue } from './types'

import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'

const KNOWN = new Set([
  'created',
  'status',
  'limit',
  'starting_after',
  'ending_before',
  'payment_intent',
  'expand',
])
const STATUSES = new Set(['open', 'complete', 'expired'])
const RANGE_KEYS = ['gt', 'gte', 'lt', 'lte'] as const

/** `created=…` or `created[gte]=…`: Stripe's range filter on a timestamp, in seconds. */
function createdFilter(value: StripeParamValue | undefined): (created: number) => boolean {
  if (value === undefined) return () => true
  if (typeof value === 'string') {
    const exact = readParam.integer(value, { param: 'created' })
    return (created) => created === exact
  }
  if (Array.isArray(value))
    throw StripeApiError.invalidParameter({ param: 'created', message: 'Invalid hash' })
  const bounds: Partial<Record<(typeof RANGE_KEYS)[number], number>> = {}
  for (const [key, bound] of Object.entries(value)) {
    if (!(RANGE_KEYS as readonly string[]).includes(key))
      throw StripeApiError.parameterUnknown(`created[${key}]`)
    bounds[key as (typeof RANGE_KEYS)[number]] = readParam.integer(bound, {
      param: `created[${key}]`,
    })
  }
  return (created) =>
    (bounds.gt === undefined || created > bounds.gt) &&
    (bounds.gte === undefined || created >= bounds.gte) &&
    (bounds.lt === undefined || created < bounds.lt) &&
    (bounds.lte === undefined || created <= bounds.lte)
}

/**
 * `GET /v1/checkout/sessions`: newest first, as Stripe lists, filtered by `created` (exact or a
 * range), `status` and `payment_intent`, one page of `limit` (1–100, default 10) after
 * `starting_after` (or before `ending_before`), with `has_more` telling whether another page follows.
 */
export function listCheckoutSessions(
  { state }: EmulatorContext,
  params: StripeParams,
): { object: 'list'; data: Stripe.Checkout.Session[]; has_more: boolean; url: string } {
  for (const key of Object.keys(params)) {
    if (!KNOWN.has(key)) throw StripeApiError.parameterUnknown(key)
  }
  const limit = readParam.integer(params.limit, { param: 'limit', min: 1 }) ?? 10
  if (limit > 100)
    throw StripeApiError.invalidParameter({
      param: 'limit',
      message: 'This value must be less than or equal to 100.',
    })
  const status = readParam.string(params.status, 'status')
  if (status !== undefined && !STATUSES.has(status))
    throw StripeApiError.invalidParameter({
      param: 'status',
      message: `Invalid status: must be one of open, complete, or expired`,
    })
  const paymentIntent = readParam.string(params.payment_intent, 'payment_intent')
  const inWindow = createdFilter(params.created)
  const startingAfter = readParam.string(params.starting_after, 'starting_after')
  const endingBefore = readParam.string(params.ending_before, 'ending_before')

  // A Map keeps insertion order: reversed, newest first (ties keep creation order, newest first).
  const matching = [...state.sessions.values()]
    .reverse()
    .filter(
      (session) =>
        inWindow(session.created) &&
        (status === undefined || session.status === status) &&
        (paymentIntent === undefined || session.payment_intent === paymentIntent),
    )
  const cursor = startingAfter ?? endingBefore
  let page: Stripe.Checkout.Session[]
  let hasMore: boolean
  if (cursor !== undefined) {
    const at = matching.findIndex((session) => session.id === cursor)
    if (at === -1 && !state.sessions.has(cursor))
      throw StripeApiError.resourceMissing({
        objectName: 'checkout.session',
        id: cursor,
        param: startingAfter !== undefined ? 'starting_after' : 'ending_before',
        inPath: false,
      })
    if (startingAfter !== undefined) {
      const rest = at === -1 ? [] : matching.slice(at + 1)
      page = rest.slice(0, limit)
      hasMore = rest.length > limit
    } else {
      const before = at === -1 ? [] : matching.slice(0, at)
      page = before.slice(Math.max(0, before.length - limit))
      hasMore = before.length > limit
    }
  } else {
    page = matching.slice(0, limit)
    hasMore = matching.length > limit
  }
  return { object: 'list', data: page, has_more: hasMore, url: '/v1/checkout/sessions' }
}
