import type Stripe from 'stripe'

import { newStripeId, stripeFixture } from './stripeObjects'

export type PaymentIntentInput = {
  amount: number
  currency: string
  paymentMethodType: 'card' | 'us_bank_account'
  metadata: Record<string, string>
  description: string | null
  receiptEmail: string | null
}

/**
 * The PaymentIntent Checkout creates when the shopper pays, as `payment_intent.created` shows it:
 * no payment method or charge yet. The caller confirms it (payment method, charge, status).
 */
export function buildPaymentIntent(input: PaymentIntentInput): Stripe.PaymentIntent {
  const id = newStripeId('pi')
  return {
    ...stripeFixture('payment_intent'),
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    client_secret: `${id}_secret_${newStripeId('s').slice(2)}`,
    created: Math.floor(Date.now() / 1000),
    currency: input.currency,
    customer: null,
    description: input.description,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: [input.paymentMethodType],
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    shipping: null,
    status: 'requires_payment_method',
    transfer_data: null,
  }
}
