/** The Stripe event types the shop acts on (and a few it sees), as support reads them. */
const LABELS: Record<string, string> = {
  'checkout.session.completed': 'Checkout completed',
  'checkout.session.async_payment_succeeded': 'Bank transfer settled',
  'checkout.session.async_payment_failed': 'Bank transfer failed',
  'checkout.session.expired': 'Checkout expired',
  'charge.refunded': 'Payment refunded',
  'charge.dispute.created': 'Dispute opened',
  'charge.dispute.closed': 'Dispute closed',
  'radar.early_fraud_warning.created': 'Early fraud warning',
  'payment_intent.succeeded': 'Payment succeeded',
  'payment_intent.payment_failed': 'Payment failed',
  'refund.created': 'Refund created',
  'product.created': 'Stripe product created',
  'price.created': 'Stripe price created',
  'price.updated': 'Stripe price updated',
}

/** "charge.refunded" → "Payment refunded"; an unlisted type reads as its words ("Invoice paid"). */
export function describeStripeEventType(type: string): string {
  const known = LABELS[type]
  if (known) return known
  const words = type.replace(/[._]/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
