import type Stripe from 'stripe'

import { newStripeId, stripeFixture } from './stripeObjects'

export type ChargeInput = {
  paymentIntentId: string
  paymentMethodId: string
  amount: number
  currency: string
  email: string
  name: string | null
  method: { type: 'card'; brand: string; last4: string } | { type: 'us_bank_account' }
  description: string | null
  publicUrl: string
}

function paymentMethodDetails(
  input: ChargeInput,
  card: Stripe.Charge.PaymentMethodDetails.Card | undefined,
): Stripe.Charge.PaymentMethodDetails {
  if (input.method.type === 'us_bank_account') {
    return {
      type: 'us_bank_account',
      us_bank_account: {
        account_holder_type: 'individual',
        account_type: 'checking',
        bank_name: 'STRIPE TEST BANK',
        fingerprint: 'emulatorBankFp01',
        last4: '6789',
        payment_reference: null,
        routing_number: '110000000',
      },
    } as Stripe.Charge.PaymentMethodDetails
  }
  return {
    type: 'card',
    card: {
      ...card!,
      amount_authorized: input.amount,
      authorization_code: '123456',
      brand: input.method.brand,
      // Set by the network after 3-D Secure; a hosted-page test card is not authenticated.
      electronic_commerce_indicator: null,
      installments: null,
      last4: input.method.last4,
      network: input.method.brand,
      overcapture: { maximum_amount_capturable: input.amount, status: 'unavailable' },
      wallet: null,
    },
  }
}

/**
 * The charge behind a Checkout payment. A card charge succeeds at once; a bank debit starts
 * `pending` (not paid) and is settled later, which is what makes Checkout's async events happen.
 */
export function buildCharge(input: ChargeInput): Stripe.Charge {
  const fixture = stripeFixture('charge')
  const id = newStripeId('ch')
  const pending = input.method.type === 'us_bank_account'
  return {
    ...fixture,
    id,
    object: 'charge',
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: 0,
    // Stripe attaches the balance transaction after the charge succeeds (see settleCharge).
    balance_transaction: null,
    billing_details: { ...fixture.billing_details, email: input.email, name: input.name },
    calculated_statement_descriptor: 'STRIPE EMULATOR',
    captured: true,
    created: Math.floor(Date.now() / 1000),
    currency: input.currency,
    customer: null,
    description: input.description,
    disputed: false,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    paid: !pending,
    payment_intent: input.paymentIntentId,
    payment_method: input.paymentMethodId,
    payment_method_details: paymentMethodDetails(input, fixture.payment_method_details?.card),
    receipt_email: input.email,
    receipt_url: `${input.publicUrl}/receipts/${id}`,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    shipping: null,
    // Charges made through PaymentIntents have no legacy source.
    source: null,
    status: pending ? 'pending' : 'succeeded',
    transfer_data: null,
  }
}

/**
 * A succeeded charge gets its balance transaction a moment later, and Stripe says so with
 * `charge.updated` (previous_attributes: balance_transaction null) after the Checkout events,
 * so a shop must not expect the fee or net amount on `charge.succeeded`.
 */
export function attachBalanceTransaction(charge: Stripe.Charge): {
  previousAttributes: Record<string, unknown>
} {
  const previousAttributes = { balance_transaction: charge.balance_transaction }
  charge.balance_transaction = newStripeId('txn')
  return { previousAttributes }
}
