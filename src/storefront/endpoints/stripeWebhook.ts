import type { Endpoint } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { WEBHOOK_BODY_LIMIT_BYTES } from '../constants'
import { StorefrontError } from '../errors'
import { acceptStripeEvent } from '../operations/acceptStripeEvent'
import { verifyWebhookEvent } from '../stripe/client'
import { errorResponse, readBodyWithLimit } from './http'

/**
 * POST /api/stripe/webhook: verify the signature over the raw body, then record the event and
 * queue its application (acceptStripeEvent). Answers 5xx only when the event could not be
 * recorded, so Stripe retries and nothing is lost; a duplicate is acknowledged and does nothing.
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
            503,
          )
        }
        // The untouched raw bytes: the signature covers exactly these.
        const rawBody = await readBodyWithLimit(req, WEBHOOK_BODY_LIMIT_BYTES)
        let event: unknown
        try {
          event = verifyWebhookEvent({ rawBody, signature, secret })
        } catch (error) {
          // The SDK's message runs to several paragraphs; the first 300 characters say it.
          const reason = (error as Error).message.slice(0, 300)
          throw new StorefrontError(`Invalid Stripe signature: ${reason}`, 400)
        }
        const { duplicate } = await acceptStripeEvent({ payload: req.payload, options, event })
        return Response.json({ received: true, ...(duplicate ? { duplicate } : {}) })
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}
