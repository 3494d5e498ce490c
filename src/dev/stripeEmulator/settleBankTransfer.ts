import type { EmulatorContext } from './EmulatorContext'

import { attachBalanceTransaction } from './buildCharge'

const FAILURE_MESSAGE = "The customer's account has insufficient funds to cover this payment."

/**
 * The later half of a bank debit: the charge clears or bounces, and Checkout tells the shop with
 * `checkout.session.async_payment_succeeded` or `…_failed`. The session stays `complete` either way;
 * only a success turns its payment_status to `paid`.
 */
export function settleBankTransfer(
  context: EmulatorContext,
  { sessionId, outcome }: { sessionId: string; outcome: 'succeeds' | 'fails' },
): void {
  const { state, publishEvent } = context
  const session = state.sessions.get(sessionId)
  const paymentIntent =
    typeof session?.payment_intent === 'string'
      ? state.paymentIntents.get(session.payment_intent)
      : undefined
  const charge =
    typeof paymentIntent?.latest_charge === 'string'
      ? state.charges.get(paymentIntent.latest_charge)
      : undefined
  // The emulator was reset while the transfer was pending: nothing left to settle.
  if (!session || !paymentIntent || !charge) return

  if (outcome === 'succeeds') {
    charge.status = 'succeeded'
    charge.paid = true
    paymentIntent.status = 'succeeded'
    paymentIntent.amount_received = paymentIntent.amount
    session.payment_status = 'paid'
    publishEvent({ type: 'charge.succeeded', object: charge })
    publishEvent({ type: 'payment_intent.succeeded', object: paymentIntent })
    publishEvent({ type: 'checkout.session.async_payment_succeeded', object: session })
    publishEvent({ type: 'charge.updated', object: charge, ...attachBalanceTransaction(charge) })
    return
  }

  charge.status = 'failed'
  charge.paid = false
  charge.failure_code = 'insufficient_funds'
  charge.failure_message = FAILURE_MESSAGE
  charge.outcome = {
    ...charge.outcome!,
    network_status: 'declined_by_network',
    reason: 'insufficient_funds',
    seller_message: 'The bank returned the debit.',
    type: 'issuer_declined',
  }
  paymentIntent.status = 'requires_payment_method'
  paymentIntent.last_payment_error = {
    type: 'card_error',
    code: 'insufficient_funds',
    message: FAILURE_MESSAGE,
    payment_method_type: 'us_bank_account',
    charge: charge.id,
  }
  publishEvent({ type: 'charge.failed', object: charge })
  publishEvent({ type: 'payment_intent.payment_failed', object: paymentIntent })
  publishEvent({ type: 'checkout.session.async_payment_failed', object: session })
}
