import Stripe from 'stripe'

/** Stripe's default: events signed more than five minutes ago are refused as replays. */
const WEBHOOK_TOLERANCE_SECONDS = 300

/**
 * Verifies the Stripe-Signature header over the untouched raw body and parses the event.
 * @throws Stripe.errors.StripeSignatureVerificationError when the signature is invalid or stale
 */
export function verifyWebhookEvent(
  rawBody: string,
  signature: string,
  secret: string,
): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS)
}
