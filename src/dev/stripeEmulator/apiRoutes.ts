import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { createCheckoutSession } from './createCheckoutSession'
import { createPrice } from './createPrice'
import { createProduct } from './createProduct'
import { createRefund } from './createRefund'
import { updateDispute } from './disputes'
import { listCheckoutSessions } from './listCheckoutSessions'
import { StripeApiError } from './StripeApiError'
import { stripeList } from './stripeObjects'
import { updatePrice } from './updatePrice'

type ApiRoute = {
  method: 'GET' | 'POST'
  pattern: RegExp
  handle: (
    context: EmulatorContext,
    call: { pathIds: string[]; params: StripeParams; request: ApiRequestInfo },
  ) => object
}

/** Retrievable resources: URL segment → [state map, the object name Stripe's "No such …" message uses]. */
const RETRIEVABLE = {
  prices: ['prices', 'price'],
  products: ['products', 'product'],
  payment_intents: ['paymentIntents', 'payment_intent'],
  charges: ['charges', 'charge'],
  refunds: ['refunds', 'refund'],
  disputes: ['disputes', 'dispute'],
  'radar/early_fraud_warnings': ['earlyFraudWarnings', 'radar.early_fraud_warning'],
  'checkout/sessions': ['sessions', 'checkout.session'],
} as const

function retrieveRoute(segment: keyof typeof RETRIEVABLE): ApiRoute {
  const [mapName, objectName] = RETRIEVABLE[segment]
  return {
    method: 'GET',
    pattern: new RegExp(`^/v1/${segment}/([^/]+)$`),
    handle: ({ state }, { pathIds: [id] }) => {
      const found = state[mapName].get(id)
      if (!found)
        throw StripeApiError.resourceMissing({ objectName, id, param: 'id', inPath: true })
      return found
    },
  }
}

function requireSession({ state }: EmulatorContext, id: string) {
  const session = state.sessions.get(id)
  if (!session)
    throw StripeApiError.resourceMissing({
      objectName: 'checkout.session',
      id,
      param: 'id',
      inPath: true,
    })
  return session
}

/** The part of Stripe's v1 API the shop uses, plus retrieval of every object the emulator creates. */
export const apiRoutes: ApiRoute[] = [
  {
    method: 'POST',
    pattern: /^\/v1\/checkout\/sessions$/,
    handle: (context, { params }) => createCheckoutSession(context, params),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/checkout\/sessions$/,
    handle: (context, { params }) => listCheckoutSessions(context, params),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/,
    handle: (context, { pathIds: [id] }) =>
      stripeList(
        context.state.lineItems.get(requireSession(context, id).id) ?? [],
        `/v1/checkout/sessions/${id}/line_items`,
      ),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/products$/,
    handle: (context, { params, request }) => createProduct(context, { params, request }),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/prices$/,
    handle: (context, { params, request }) => createPrice(context, { params, request }),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/prices\/([^/]+)$/,
    handle: (context, { pathIds: [id], params, request }) =>
      updatePrice(context, { id, params, request }),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/disputes\/([^/]+)$/,
    handle: (context, { pathIds: [id], params, request }) =>
      updateDispute(context, { id, params, request }),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/refunds$/,
    handle: (context, { params, request }) => createRefund(context, { params, request }),
  },
  {
    method: 'GET',
    pattern: /^\/v1\/events\/([^/]+)$/,
    handle: ({ state }, { pathIds: [id] }) => {
      const record = state.events.get(id)
      if (!record)
        throw StripeApiError.resourceMissing({ objectName: 'event', id, param: 'id', inPath: true })
      return record.event
    },
  },
  ...(Object.keys(RETRIEVABLE) as Array<keyof typeof RETRIEVABLE>).map(retrieveRoute),
]
