import type { Endpoint } from 'payload'
import type Stripe from 'stripe'

import type { ResolvedStorefrontOptions } from '../types'

import { handleStripeEvent } from '../fulfilment/handleStripeEvent'
import { recordStripeEvent } from '../fulfilment/recordStripeEvent'
import { updateLedgerEntry } from '../fulfilment/updateLedgerEntry'
import { verifyWebhookEvent } from '../stripe/verifyWebhookEvent'
import { isErrorNamed } from '../utilities/isErrorNamed'
import { jsonError } from '../utilities/jsonError'

const received = (extra: Record<string, unknown> = {}) =>
  Response.json({ received: true, ...extra })

/**
 * POST /api/stripe/webhook: verify over the raw body, record once, fulfil idempotently.
 * Answers 5xx only when the event could not be recorded or processed, so Stripe retries
 * and nothing is lost; a duplicate of a finished event is acknowledged and does nothing.
 */
export function createStripeWebhookEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/stripe/webhook',
    method: 'post',
    handler: async (req) => {
      const { payload } = req
      const signature = req.headers.get('stripe-signature')
      if (!signature)
        return jsonError(
          400,
          'Missing Stripe-Signature header: only Stripe may call this endpoint.',
        )
      if (!options.stripe.webhookSecret) {
        payload.logger.error(
          'Stripe webhook received but no webhook secret is configured (STRIPE_WEBHOOK_SECRET).',
        )
        return jsonError(500, 'The shop cannot verify Stripe events yet; Stripe will retry.')
      }

      // The untouched raw body: the signature covers these exact bytes.
      const rawBody = (await req.text?.()) ?? ''
      let event: Stripe.Event
      try {
        event = verifyWebhookEvent(rawBody, signature, options.stripe.webhookSecret)
      } catch (error) {
        return jsonError(400, `Invalid Stripe signature: ${(error as Error).message}`)
      }

      let entry
      try {
        entry = await recordStripeEvent(payload, event)
      } catch (error) {
        payload.logger.error(
          { err: error, eventId: event.id },
          'Could not record a Stripe event; answering 500 so Stripe retries.',
        )
        return jsonError(500, 'The event could not be recorded; Stripe will retry.')
      }
      if (entry.duplicate && (entry.outcome === 'processed' || entry.outcome === 'ignored'))
        return received({ duplicate: true })

      try {
        const result = await handleStripeEvent(event, { payload, usersSlug: options.usersSlug })
        await updateLedgerEntry(payload, entry.id, {
          outcome: result.outcome,
          note: result.note,
          purchase: result.purchaseId,
        })
        return received()
      } catch (error) {
        if (isErrorNamed(error, 'InvalidSessionMetadataError')) {
          await updateLedgerEntry(payload, entry.id, {
            outcome: 'rejected',
            note: error.message,
          }).catch(() => {})
          return jsonError(400, error.message)
        }
        payload.logger.error(
          { err: error, eventId: event.id },
          'Processing a Stripe event failed; answering 500 so Stripe retries.',
        )
        await updateLedgerEntry(payload, entry.id, {
          outcome: 'failed',
          note: (error as Error).message,
        }).catch(() => {})
        return jsonError(500, 'The event could not be processed; Stripe will retry.')
      }
    },
  }
}
