import type Stripe from 'stripe'

import type { EmulatorContext } from './EmulatorContext'
import type { ChargeInput } from './buildCharge'
import type { CheckoutPayment, CheckoutPaymentResult } from './types'

import { attachBalanceTransaction, buildCharge } from './buildCharge'
import { buildPaymentIntent } from './buildPaymentIntent'
import { newStripeId } from './stripeObjects'
import { settleBankTransfer } from './settleBankTransfer'
import { StripeApiError } from './StripeApiError'
import { testCards } from './testCards'

function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

function completeSession(
  session: Stripe.Checkout.Session,
  {
    paymentIntentId,
    email,
    name,
    paid,
  }: { paymentIntentId: string; email: string; name: string | null; paid: boolean },
): void {
  session.status = 'complete'
  session.payment_status = paid ? 'paid' : 'unpaid'
  session.payment_intent = paymentIntentId
  session.url = null
  session.customer_details = {
    address: {
      city: null,
      country: 'US',
      line1: null,
      line2: null,
      postal_code: null,
      state: null,
    },
    business_name: null,
    email,
    individual_name: null,
    name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  }
  session.collected_information = {
    business_name: null,
    individual_name: null,
    shipping_details: null,
  }
}

/**
 * What happens when the shopper submits the hosted page: Stripe's test cards succeed or decline,
 * and a bank debit completes the session unpaid and settles (or fails) after `asyncPaymentDelayMs`,
 * emitting the same events, in the order Stripe Checkout creates them. A card payment:
 * payment_intent.created, charge.succeeded, payment_intent.succeeded, checkout.session.completed,
 * charge.updated (the balance transaction). A bank debit: payment_intent.created,
 * payment_intent.processing, charge.pending, checkout.session.completed, then later the settlement.
 */
export function payCheckoutSession(
  context: EmulatorContext,
  { sessionId, payment }: { sessionId: string; payment: CheckoutPayment },
): CheckoutPaymentResult {
  const { state, options, publishEvent } = context
  const session = state.sessions.get(sessionId)
  if (!session)
    throw StripeApiError.resourceMissing({
      objectName: 'checkout.session',
      id: sessionId,
      param: 'id',
      inPath: true,
    })
  if (session.status !== 'open') {
    const message =
      session.status === 'complete'
        ? 'This Checkout Session is already paid.'
        : 'This Checkout Session has expired.'
    return { outcome: 'invalid', session, message }
  }
  const email = session.customer_email ?? payment.email?.trim() ?? ''
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return { outcome: 'invalid', session, message: 'Your email address is invalid.' }
  const name = payment.name?.trim() || null

  let method: ChargeInput['method'] = { type: 'us_bank_account' }
  if (payment.method === 'card') {
    const digits = payment.cardNumber.replace(/[\s-]/g, '')
    if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits))
      return { outcome: 'invalid', session, message: 'Your card number is incorrect.' }
    const card = testCards[digits]
    if (!card) {
      const message =
        'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.'
      return { outcome: 'declined', session, message }
    }
    if (card.decline) return { outcome: 'declined', session, message: card.decline.message }
    method = { type: 'card', brand: card.brand, last4: digits.slice(-4) }
  }

  const amount = session.amount_total ?? 0
  const currency = session.currency ?? 'usd'
  const intentData = state.intentData.get(sessionId) ?? {
    metadata: {},
    description: null,
    receiptEmail: null,
  }
  const paymentMethodId = newStripeId('pm')
  const paymentIntent = buildPaymentIntent({
    amount,
    currency,
    paymentMethodType: method.type,
    ...intentData,
  })
  state.paymentIntents.set(paymentIntent.id, paymentIntent)
  // Checkout creates the PaymentIntent when the shopper submits (API versions since 2022-08-01).
  publishEvent({ type: 'payment_intent.created', object: paymentIntent })
  const charge = buildCharge({
    paymentIntentId: paymentIntent.id,
    paymentMethodId,
    amount,
    currency,
    email,
    name,
    method,
    description: intentData.description,
    publicUrl: options.publicUrl,
  })
  paymentIntent.payment_method = paymentMethodId
  paymentIntent.latest_charge = charge.id
  paymentIntent.status = 'processing'
  state.charges.set(charge.id, charge)
  const redirectUrl = (session.success_url ?? options.publicUrl).replaceAll(
    '{CHECKOUT_SESSION_ID}',
    session.id,
  )

  if (payment.method === 'card') {
    paymentIntent.status = 'succeeded'
    paymentIntent.amount_received = amount
    completeSession(session, { paymentIntentId: paymentIntent.id, email, name, paid: true })
    publishEvent({ type: 'charge.succeeded', object: charge })
    publishEvent({ type: 'payment_intent.succeeded', object: paymentIntent })
    publishEvent({ type: 'checkout.session.completed', object: session })
    publishEvent({ type: 'charge.updated', object: charge, ...attachBalanceTransaction(charge) })
    return { outcome: 'paid', session, redirectUrl }
  }

  completeSession(session, { paymentIntentId: paymentIntent.id, email, name, paid: false })
  publishEvent({ type: 'payment_intent.processing', object: paymentIntent })
  publishEvent({ type: 'charge.pending', object: charge })
  publishEvent({ type: 'checkout.session.completed', object: session })
  context.tasks.later(options.asyncPaymentDelayMs, () =>
    settleBankTransfer(context, { sessionId: session.id, outcome: payment.outcome }),
  )
  return { outcome: 'processing', session, redirectUrl }
}
