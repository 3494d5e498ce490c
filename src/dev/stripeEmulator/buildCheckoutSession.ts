import type Stripe from 'stripe'

import type { EmulatorState } from './createEmulatorState'
import type { CheckoutSessionRequest } from './validateCheckoutSessionParams'

import { newStripeId, stripeFixture } from './stripeObjects'

/**
 * Stripe's `item` object for one line of a Checkout Session. The fixtures carry no line item,
 * so the shape follows the API reference: amounts, description (the product name) and the full price.
 */
export function buildLineItem(
  state: EmulatorState,
  { price, quantity }: { price: Stripe.Price; quantity: number },
): Stripe.LineItem {
  const amount = (price.unit_amount ?? 0) * quantity
  const productName = state.products.get(
    typeof price.product === 'string' ? price.product : price.product.id,
  )?.name
  return {
    id: newStripeId('li'),
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: productName ?? null,
    metadata: {},
    price: structuredClone(price),
    quantity,
  }
}

/**
 * An open Checkout Session: Stripe's fixture with what the request asked for, and the example
 * values that would mislead (shipping, tax, currency conversion, promotions) reset to what a plain
 * one-time payment session has.
 */
export function buildCheckoutSession({
  request,
  amount,
  publicUrl,
}: {
  request: CheckoutSessionRequest
  amount: number
  publicUrl: string
}): Stripe.Checkout.Session {
  const id = newStripeId('cs')
  const created = Math.floor(Date.now() / 1000)
  return {
    ...stripeFixture('checkout.session'),
    id,
    object: 'checkout.session',
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: request.allowPromotionCodes,
    allowed_payment_method_types: null,
    amount_subtotal: amount,
    amount_total: amount,
    cancel_url: request.cancelUrl,
    client_reference_id: request.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created,
    currency: request.lineItems[0].price.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    customer: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: request.customerEmail,
    discounts: [],
    expires_at: request.expiresAt ?? created + 24 * 60 * 60,
    invoice: null,
    invoice_creation: {
      enabled: false,
      invoice_data: {
        account_tax_ids: null,
        custom_fields: null,
        description: null,
        footer: null,
        issuer: null,
        metadata: {},
        rendering_options: null,
      },
    },
    livemode: false,
    locale: request.locale,
    managed_payments: null,
    metadata: request.metadata,
    mode: 'payment',
    origin_context: null,
    // Stripe creates the PaymentIntent only when the shopper pays (API versions since 2022-08-01).
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card', 'us_bank_account'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: request.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: `${publicUrl}/checkout/${id}`,
    wallet_options: null,
  }
}
