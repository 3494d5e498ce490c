import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { checkParamNames, PRICE_CREATE_PARAMS } from './catalogParams'
import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'
import { newStripeId, stripeFixture } from './stripeObjects'

/**
 * The currencies Stripe settles card payments in that a shop is most likely to use (a subset of
 * https://docs.stripe.com/currencies); any other three-letter code is refused as Stripe refuses
 * an unsupported one.
 */
const SUPPORTED_CURRENCIES = new Set(
  'aud brl cad chf czk dkk eur gbp hkd huf inr jpy krw mxn nok nzd pln sek sgd usd zar'.split(' '),
)

/** Stripe's largest `unit_amount` (eight digits in the minor unit). */
const MAX_UNIT_AMOUNT = 99_999_999

function readCurrency(params: StripeParams): string {
  const currency = readParam.string(params.currency, 'currency')
  if (!currency) throw StripeApiError.parameterMissing('currency')
  if (!SUPPORTED_CURRENCIES.has(currency))
    throw StripeApiError.invalidParameter({
      param: 'currency',
      message: `Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...SUPPORTED_CURRENCIES].join(', ')}`,
    })
  return currency
}

function readRecurring(params: StripeParams): Stripe.Price.Recurring | null {
  const recurring = params.recurring
  if (recurring === undefined || recurring === '') return null
  if (typeof recurring !== 'object' || Array.isArray(recurring))
    throw StripeApiError.invalidParameter({ param: 'recurring', message: 'Invalid hash' })
  const interval = readParam.string(recurring.interval, 'recurring[interval]')
  if (!interval) throw StripeApiError.parameterMissing('recurring[interval]')
  if (!['day', 'week', 'month', 'year'].includes(interval))
    throw StripeApiError.invalidParameter({
      param: 'recurring[interval]',
      message: 'Invalid recurring[interval]: must be one of day, week, month, or year',
    })
  return {
    interval: interval as Stripe.Price.Recurring.Interval,
    interval_count:
      readParam.integer(recurring.interval_count, {
        param: 'recurring[interval_count]',
        min: 1,
      }) ?? 1,
    meter: null,
    trial_period_days: null,
    usage_type: 'licensed',
  }
}

/** `POST /v1/prices`: a price of an existing product, in one currency, per unit. */
export function createPrice(
  context: EmulatorContext,
  { params, request }: { params: StripeParams; request: ApiRequestInfo },
): Stripe.Price {
  checkParamNames(params, PRICE_CREATE_PARAMS)
  const currency = readCurrency(params)
  const productId = readParam.string(params.product, 'product')
  if (!productId) throw StripeApiError.parameterMissing('product')
  const unitAmount = readParam.integer(params.unit_amount, { param: 'unit_amount' })
  if (unitAmount === undefined)
    throw StripeApiError.parameterMissing(
      'unit_amount',
      'Missing required param: unit_amount. A per-unit price needs unit_amount.',
    )
  if (unitAmount > MAX_UNIT_AMOUNT)
    throw StripeApiError.invalidParameter({
      param: 'unit_amount',
      message: `This value must be less than or equal to ${MAX_UNIT_AMOUNT} (it currently is '${unitAmount}').`,
    })
  const recurring = readRecurring(params)
  const nickname = readParam.string(params.nickname, 'nickname') ?? null
  const lookupKey = readParam.string(params.lookup_key, 'lookup_key') ?? null
  const active = readParam.boolean(params.active, 'active') ?? true
  const metadata = readParam.metadata(params.metadata, 'metadata')
  if (!context.state.products.has(productId))
    throw StripeApiError.resourceMissing({ objectName: 'product', id: productId, param: 'product' })
  const price: Stripe.Price = {
    ...stripeFixture('price'),
    id: newStripeId('price'),
    active,
    billing_scheme: 'per_unit',
    created: Math.floor(Date.now() / 1000),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: lookupKey,
    metadata,
    nickname,
    product: productId,
    recurring,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    // On the wire decimals are strings; the SDK turns them into its Decimal type when it reads the response.
    unit_amount_decimal: String(unitAmount) as unknown as Stripe.Price['unit_amount_decimal'],
  }
  context.state.prices.set(price.id, price)
  context.publishEvent({ type: 'price.created', object: price, request })
  return price
}
