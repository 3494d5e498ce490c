import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ApiRequestInfo, StripeParams } from './types'

import { newStripeId, stripeFixture } from './stripeObjects'
import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'

/**
 * The catalog calls an app makes to sell without the Stripe dashboard: `POST /v1/products`,
 * `POST /v1/prices` and `POST /v1/prices/:id` (archiving with `active=false`). Parameters are
 * checked against the pinned SDK's `ProductCreateParams`, `PriceCreateParams` and
 * `PriceUpdateParams` (tests/fidelity compares these lists with the types): an unknown one is
 * refused as Stripe refuses it, a known one the emulator cannot act on is refused with a message
 * saying so, rather than silently ignored.
 */

const PRODUCT_CREATE_PARAMS = {
  emulated: ['name', 'active', 'description', 'expand', 'id', 'metadata', 'type'],
  notEmulated: [
    'default_price_data',
    'images',
    'marketing_features',
    'package_dimensions',
    'shippable',
    'statement_descriptor',
    'tax_code',
    'tax_details',
    'unit_label',
    'url',
  ],
}

const PRICE_CREATE_PARAMS = {
  emulated: [
    'currency',
    'active',
    'expand',
    'lookup_key',
    'metadata',
    'nickname',
    'product',
    'recurring',
    'unit_amount',
  ],
  notEmulated: [
    'billing_scheme',
    'currency_options',
    'custom_unit_amount',
    'product_data',
    'tax_behavior',
    'tiers',
    'tiers_mode',
    'transfer_lookup_key',
    'transform_quantity',
    'unit_amount_decimal',
  ],
}

const PRICE_UPDATE_PARAMS = {
  emulated: ['active', 'expand', 'metadata', 'nickname', 'lookup_key'],
  notEmulated: ['currency_options', 'tax_behavior', 'transfer_lookup_key'],
}

/** Every parameter name each call takes in the pinned SDK, for the fidelity test. */
export const CATALOG_PARAMS = {
  ProductCreateParams: [...PRODUCT_CREATE_PARAMS.emulated, ...PRODUCT_CREATE_PARAMS.notEmulated],
  PriceCreateParams: [...PRICE_CREATE_PARAMS.emulated, ...PRICE_CREATE_PARAMS.notEmulated],
  PriceUpdateParams: [...PRICE_UPDATE_PARAMS.emulated, ...PRICE_UPDATE_PARAMS.notEmulated],
}

function checkParamNames(
  params: StripeParams,
  accepted: { emulated: string[]; notEmulated: string[] },
): void {
  for (const name of Object.keys(params)) {
    if (accepted.notEmulated.includes(name))
      throw StripeApiError.invalidParameter({
        param: name,
        message: `The Stripe emulator does not emulate ${name}; leave it out, or test against Stripe's test mode.`,
      })
    if (!accepted.emulated.includes(name)) throw StripeApiError.parameterUnknown(name)
  }
}

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

/** `POST /v1/products`. */
export function createProduct(
  context: EmulatorContext,
  { params, request }: { params: StripeParams; request: ApiRequestInfo },
): Stripe.Product {
  checkParamNames(params, PRODUCT_CREATE_PARAMS)
  const name = readParam.string(params.name, 'name')
  if (!name) throw StripeApiError.parameterMissing('name')
  const type = readParam.string(params.type, 'type') ?? 'service'
  if (type !== 'good' && type !== 'service')
    throw StripeApiError.invalidParameter({
      param: 'type',
      message: `Invalid type: must be one of good or service`,
    })
  const id = readParam.string(params.id, 'id') ?? newStripeId('prod')
  if (context.state.products.has(id))
    throw StripeApiError.invalid({
      param: 'id',
      message: `Product already exists.`,
      code: 'resource_already_exists',
    })
  const created = Math.floor(Date.now() / 1000)
  const product: Stripe.Product = {
    ...stripeFixture('product'),
    id,
    active: readParam.boolean(params.active, 'active') ?? true,
    created,
    default_price: null,
    description: readParam.string(params.description, 'description') ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: readParam.metadata(params.metadata, 'metadata'),
    name,
    package_dimensions: null,
    shippable: null,
    tax_details: null,
    type,
    updated: created,
  }
  context.state.products.set(product.id, product)
  context.publishEvent({ type: 'product.created', object: product, request })
  return product
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
