import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { checkParamNames, PRICE_UPDATE_PARAMS } from './catalogParams'
import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'

/** `POST /v1/prices/:id`: prices are immutable but for these fields; `active=false` archives one. */
export function updatePrice(
  context: EmulatorContext,
  { id, params, request }: { id: string; params: StripeParams; request: ApiRequestInfo },
): Stripe.Price {
  checkParamNames(params, PRICE_UPDATE_PARAMS)
  const active = readParam.boolean(params.active, 'active')
  const nickname = readParam.string(params.nickname, 'nickname')
  const lookupKey = readParam.string(params.lookup_key, 'lookup_key')
  const metadata =
    params.metadata === undefined ? undefined : readParam.metadata(params.metadata, 'metadata')
  const price = context.state.prices.get(id)
  if (!price)
    throw StripeApiError.resourceMissing({ objectName: 'price', id, param: 'id', inPath: true })
  const previous: Record<string, unknown> = {}
  if (active !== undefined && active !== price.active) {
    previous.active = price.active
    price.active = active
  }
  if (nickname !== undefined && nickname !== price.nickname) {
    previous.nickname = price.nickname
    price.nickname = nickname
  }
  if (lookupKey !== undefined && lookupKey !== price.lookup_key) {
    previous.lookup_key = price.lookup_key
    price.lookup_key = lookupKey
  }
  if (metadata !== undefined) {
    previous.metadata = price.metadata
    price.metadata = params.metadata === '' ? {} : { ...price.metadata, ...metadata }
    // An empty value unsets a key (readParam.metadata drops it; remove it from the stored price).
    const unset = params.metadata as Record<string, string>
    for (const [key, value] of Object.entries(unset ?? {})) {
      if (value === '') delete price.metadata[key]
    }
  }
  if (Object.keys(previous).length > 0)
    context.publishEvent({
      type: 'price.updated',
      object: price,
      request,
      previousAttributes: previous,
    })
  return price
}
