import Stripe from 'stripe'

import type { EmulatorState } from './createEmulatorState'
import type { WebhookDeliverer } from './createWebhookDeliverer'
import type { ResolvedEmulatorOptions } from './resolveEmulatorOptions'
import type { ApiRequestInfo, EmulatedEvent, EventRecord } from './types'

import { newStripeId, stripeFixture } from './stripeObjects'

export type PublishEvent = (event: {
  type: string
  object: { id: string; object: string }
  /** The API request that caused it; null for what the shopper or the network did. */
  request?: ApiRequestInfo | null
  /** For `*.updated` events: the changed fields' values before the change, as Stripe sends them. */
  previousAttributes?: Record<string, unknown>
}) => EventRecord

/**
 * Records an event the way Stripe renders it (the SDK's pinned API version, a snapshot of the
 * object at that moment, the causing request) and hands it to the deliverer when the endpoint
 * listens for that type. Every event is stored, delivered or not, as in Stripe's event list.
 */
export function createEventPublisher({
  state,
  options,
  deliverer,
}: {
  state: EmulatorState
  options: ResolvedEmulatorOptions
  deliverer: WebhookDeliverer
}): PublishEvent {
  return ({ type, object, request = null, previousAttributes }) => {
    const listening =
      options.webhookUrl !== null &&
      deliverer.enabled &&
      (options.enabledEvents.includes('*') || options.enabledEvents.includes(type))
    const event: EmulatedEvent = {
      ...(stripeFixture('event') as Omit<EmulatedEvent, 'data'>),
      id: newStripeId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      // A copy, so later changes to the object do not rewrite what this event said.
      data: {
        object: structuredClone(object) as unknown as Record<string, unknown>,
        ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}),
      },
      livemode: false,
      pending_webhooks: listening ? 1 : 0,
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    }
    const record: EventRecord = { event, delivery: { status: 'not_sent', attempts: [] } }
    state.events.set(event.id, record)
    options.transcript?.({ kind: 'event', event: structuredClone(event) })
    options.log(`event ${type} ${event.id} (${(object as { id: string }).id})`)
    if (listening) deliverer.deliver(record)
    return record
  }
}
