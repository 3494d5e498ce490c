import type Stripe from 'stripe'

import StripeSDK from 'stripe'

import { TEST_WEBHOOK_SECRET } from '../setup/TEST_WEBHOOK_SECRET'
import { rest } from './api'

/** A real Stripe-Signature header for `payload`, made by the SDK (never a mocked verifier). */
export function signature(
  payload: string,
  { secret = TEST_WEBHOOK_SECRET, timestamp }: { secret?: string; timestamp?: number } = {},
): string {
  return StripeSDK.webhooks.generateTestHeaderString({ payload, secret, timestamp })
}

/** Delivers an event to POST /api/stripe/webhook the way Stripe does: raw JSON body plus signature. */
export async function deliver(
  event: Stripe.Event,
  options: { secret?: string; timestamp?: number } = {},
): Promise<Response> {
  const payload = JSON.stringify(event)
  return rest('POST', '/stripe/webhook', {
    rawBody: payload,
    headers: { 'Stripe-Signature': signature(payload, options) },
  })
}
