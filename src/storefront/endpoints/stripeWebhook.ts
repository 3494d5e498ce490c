import type { Endpoint } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { StorefrontError } from '../errors'
import { processStripeEvent } from '../operations/processStripeEvent'
import { verifyWebhookEvent } from '../stripe/client'
import { errorResponse } from './http'

/**
 * POST /api/stripe/webhook: verify the signature over the raw body, then process the event.
 * Answers 5xx only when the event could not be recorded or applied, so Stripe retries and nothing
 * is lost; a duplicate of a finished event is acknowledged and does nothing.
 */
export function createStripeWebhookEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/stripe/webhook',
    method: 'post',
    handler: async (req) => {
      try {
        const signature = req.headers.get('stripe-signature')
        if (!signature) {
          throw new StorefrontError(
            'Missing Stripe-Signature header: only Stripe may call this endpoint.',
            400,
          )
        }
        const secret = options.stripe.webhookSecret
        if (!secret) {
          req.payload.logger.error('Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set.')
          throw new StorefrontError(
            'The shop cannot verify Stripe events yet; Stripe will retry.',
            500,
          )
        }
        // The untouched raw body: the signature covers these exact bytes.
        const rawBody = (await req.text?.()) ?? ''
        let event
        try {
          event = verifyWebhookEvent({ rawBody, signature, secret })
        } catch (error) {
          throw new StorefrontError(`Invalid Stripe signature: ${(error as Error).message}`, 400)
        }
        const { duplicate } = await processStripeEvent({
          payload: req.payload,
          event,
          usersSlug: options.usersSlug,
        })
        return Response.json({ received: true, ...(duplicate ? { duplicate } : {}) })
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}
