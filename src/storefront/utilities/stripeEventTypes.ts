/**
 * A Stripe event type as support reads it: the types the shop acts on (and a few it sees) by
 * name, "charge.refunded" → "Payment refunded"; an unlisted type as its words ("Invoice paid").
 */
export function describeStripeEventType(type: string): string {
  switch (type) {
    case 'checkout.session.completed':
      return 'Checkout completed'
    case 'checkout.session.async_payment_succeeded':
      return 'Bank transfer settled'
    case 'checkout.session.async_payment_failed':
      return 'Bank transfer failed'
    case 'checkout.session.expired':
      return 'Checkout expired'
    case 'charge.refunded':
      return 'Payment refunded'
    case 'charge.dispute.created':
      return 'Dispute opened'
    case 'charge.dispute.closed':
      return 'Dispute closed'
    case 'radar.early_fraud_warning.created':
      return 'Early fraud warning'
    case 'payment_intent.succeeded':
      return 'Payment succeeded'
    case 'payment_intent.payment_failed':
      return 'Payment failed'
    case 'refund.created':
      return 'Refund created'
    case 'product.created':
      return 'Stripe product created'
    case 'price.created':
      return 'Stripe price created'
    case 'price.updated':
      return 'Stripe price updated'
    default: {
      const words = type.replace(/[._]/g, ' ')
      return words.charAt(0).toUpperCase() + words.slice(1)
    }
  }
}
