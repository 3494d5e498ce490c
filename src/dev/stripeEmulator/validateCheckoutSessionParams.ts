import type Stripe from 'stripe'

import type { StripeParams } from './types'

import { readParam } from './readParam'
import { StripeApiError } from './StripeApiError'

/**
 * Every top-level parameter of `checkout.sessions.create` in the pinned SDK's types; anything else
 * (such as `payment_method_types`, removed in API version 2026-09-30) is refused as Stripe refuses it.
 * tests/fidelity checks this list against the SDK's `SessionCreateParams`.
 */
const KNOWN_PARAMS = new Set(
  (
    'adaptive_pricing after_expiration allow_promotion_codes allowed_payment_method_types automatic_tax billing_address_collection ' +
    'branding_settings cancel_url client_reference_id consent_collection currency custom_fields custom_text customer customer_account ' +
    'customer_creation customer_email customer_update discounts excluded_payment_method_types expand expires_at integration_identifier ' +
    'invoice_creation line_items locale managed_payments metadata mode name_collection optional_items origin_context payment_intent_data ' +
    'payment_method_collection payment_method_configuration payment_method_data payment_method_options permissions ' +
    'phone_number_collection redirect_on_completion return_url saved_payment_method_options setup_intent_data shipping_address_collection ' +
    'shipping_options submit_type subscription_data success_url tax_id_collection ui_mode wallet_options'
  ).split(' '),
)

/** Parameters the emulator reads; others are accepted like Stripe would, but have no effect here. */
const EMULATED_PARAMS = new Set([
  'allow_promotion_codes',
  'cancel_url',
  'client_reference_id',
  'customer_email',
  'expand',
  'expires_at',
  'line_items',
  'locale',
  'metadata',
  'mode',
  'payment_intent_data',
  'success_url',
  'ui_mode',
])

export type CheckoutSessionRequest = {
  successUrl: string
  cancelUrl: string | null
  customerEmail: string | null
  clientReferenceId: string | null
  metadata: Record<string, string>
  locale: string | null
  allowPromotionCodes: boolean | null
  expiresAt: number | null
  lineItems: Array<{ price: Stripe.Price; quantity: number }>
  paymentIntentData: {
    metadata: Record<string, string>
    description: string | null
    receiptEmail: string | null
  }
  ignoredParams: string[]
}

function readLineItems(
  params: StripeParams,
  prices: ReadonlyMap<string, Stripe.Price>,
): CheckoutSessionRequest['lineItems'] {
  const lineItems = params.line_items
  if (
    lineItems === undefined ||
    lineItems === '' ||
    (Array.isArray(lineItems) && lineItems.length === 0)
  ) {
    throw StripeApiError.parameterMissing('line_items')
  }
  if (!Array.isArray(lineItems))
    throw StripeApiError.invalidParameter({ param: 'line_items', message: 'Invalid array' })
  return lineItems.map((item, index) => {
    const param = `line_items[${index}]`
    if (typeof item !== 'object' || Array.isArray(item))
      throw StripeApiError.invalidParameter({ param, message: 'Invalid hash' })
    if (item.price_data !== undefined) {
      throw StripeApiError.invalid({
        param: `${param}[price_data]`,
        message:
          'The Stripe emulator only supports line items with a `price` id; create the price instead of passing price_data.',
      })
    }
    const priceId = readParam.string(item.price, `${param}[price]`)
    if (!priceId) throw StripeApiError.parameterMissing(`${param}[price]`)
    const price = prices.get(priceId)
    if (!price)
      throw StripeApiError.resourceMissing({
        objectName: 'price',
        id: priceId,
        param: `${param}[price]`,
      })
    if (!price.active) {
      throw StripeApiError.invalid({
        param: `${param}[price]`,
        message: 'The price specified is inactive. This field only accepts active prices.',
      })
    }
    if (price.type === 'recurring') {
      throw StripeApiError.invalid({
        param: `${param}[price]`,
        message:
          'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      })
    }
    const quantity = readParam.integer(item.quantity, { param: `${param}[quantity]`, min: 1 })
    if (quantity === undefined) {
      throw StripeApiError.parameterMissing(
        `${param}[quantity]`,
        `Quantity is required. Add \`quantity\` to \`${param}\``,
      )
    }
    return { price, quantity }
  })
}

/**
 * Checks `checkout.sessions.create` parameters in the order Stripe reports problems, with Stripe's
 * messages and `param` paths, so the shop's error handling is exercised offline as it will be live.
 */
export function validateCheckoutSessionParams(
  params: StripeParams,
  prices: ReadonlyMap<string, Stripe.Price>,
): CheckoutSessionRequest {
  const unknown = Object.keys(params).find((name) => !KNOWN_PARAMS.has(name))
  if (unknown) throw StripeApiError.parameterUnknown(unknown)

  const mode = readParam.string(params.mode, 'mode')
  if (!mode) throw StripeApiError.parameterMissing('mode')
  if (!['payment', 'setup', 'subscription'].includes(mode)) {
    throw StripeApiError.invalidParameter({
      param: 'mode',
      message: 'Invalid mode: must be one of payment, setup, or subscription',
    })
  }
  if (mode !== 'payment')
    throw StripeApiError.invalid({
      param: 'mode',
      message: `The Stripe emulator only emulates mode=payment (got ${mode}).`,
    })
  const uiMode = readParam.string(params.ui_mode, 'ui_mode')
  if (uiMode && uiMode !== 'hosted_page') {
    throw StripeApiError.invalid({
      param: 'ui_mode',
      message: `The Stripe emulator only emulates the hosted checkout page (ui_mode=hosted_page), not ${uiMode}.`,
    })
  }

  const successUrl = readParam.url(params.success_url, 'success_url')
  if (!successUrl) throw StripeApiError.parameterMissing('success_url')
  const lineItems = readLineItems(params, prices)
  const currencies = new Set(lineItems.map((item) => item.price.currency))
  if (currencies.size > 1)
    throw StripeApiError.invalid({
      param: 'line_items',
      message: 'Checkout does not support multiple currencies in one session.',
    })

  const expiresAt = readParam.integer(params.expires_at, { param: 'expires_at' })
  const now = Math.floor(Date.now() / 1000)
  if (expiresAt !== undefined && (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 60 * 60)) {
    throw StripeApiError.invalidParameter({
      param: 'expires_at',
      message:
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
    })
  }
  const clientReferenceId = readParam.string(params.client_reference_id, 'client_reference_id')
  if (clientReferenceId && clientReferenceId.length > 200) {
    throw StripeApiError.invalidParameter({
      param: 'client_reference_id',
      message: 'client_reference_id must be at most 200 characters.',
    })
  }
  const paymentIntentData = params.payment_intent_data
  const intentParams =
    typeof paymentIntentData === 'object' && !Array.isArray(paymentIntentData)
      ? paymentIntentData
      : {}

  return {
    successUrl,
    cancelUrl: readParam.url(params.cancel_url, 'cancel_url') ?? null,
    customerEmail: readParam.email(params.customer_email, 'customer_email') ?? null,
    clientReferenceId: clientReferenceId ?? null,
    metadata: readParam.metadata(params.metadata, 'metadata'),
    locale: readParam.string(params.locale, 'locale') ?? null,
    allowPromotionCodes:
      readParam.boolean(params.allow_promotion_codes, 'allow_promotion_codes') ?? null,
    expiresAt: expiresAt ?? null,
    lineItems,
    paymentIntentData: {
      metadata: readParam.metadata(intentParams.metadata, 'payment_intent_data[metadata]'),
      description:
        readParam.string(intentParams.description, 'payment_intent_data[description]') ?? null,
      receiptEmail:
        readParam.email(intentParams.receipt_email, 'payment_intent_data[receipt_email]') ?? null,
    },
    ignoredParams: Object.keys(params).filter((name) => !EMULATED_PARAMS.has(name)),
  }
}
