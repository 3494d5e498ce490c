import Stripe from 'stripe'

import type { BackgroundTasks } from './createBackgroundTasks'
import type { ResolvedEmulatorOptions } from './resolveEmulatorOptions'
import type { DeliveryAttempt, EventRecord } from './types'

export type WebhookDeliverer = ReturnType<typeof createWebhookDeliverer>

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return 'Timed out waiting for the endpoint to respond'
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return error instanceof Error ? `${error.message}${cause}` : String(error)
}

/**
 * Posts events to the shop like Stripe does: the pretty-printed JSON body, a `Stripe-Signature`
 * computed freshly for every attempt, anything but a 2xx (redirects included) counts as a failure,
 * and failures are retried on a backoff schedule until it runs out.
 */
export function createWebhookDeliverer(options: ResolvedEmulatorOptions, tasks: BackgroundTasks) {
  // Replaced on reset/close so requests still in flight for forgotten events are abandoned.
  let inFlight = new AbortController()
  // Off stands for an endpoint Stripe cannot reach (disabled, wrong secret, a broken deploy):
  // events are still created and listed, never delivered, and nothing is re-sent when it is back.
  let enabled = true

  async function attempt(
    record: EventRecord,
    { url, trigger }: { url: string; trigger: DeliveryAttempt['trigger'] },
  ): Promise<DeliveryAttempt> {
    const payload = JSON.stringify(record.event, null, 2)
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.webhookSecret,
      timestamp: Math.floor(Date.now() / 1000),
    })
    const result: DeliveryAttempt = {
      number: record.delivery.attempts.length + 1,
      trigger,
      at: new Date().toISOString(),
      url,
      status: null,
      error: null,
      responseBody: null,
      nextRetryInMs: null,
    }
    record.delivery.attempts.push(result)
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signature,
        },
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.any([inFlight.signal, AbortSignal.timeout(options.webhookTimeoutMs)]),
      })
      result.status = response.status
      result.responseBody = (await response.text()).slice(0, 500)
    } catch (error) {
      result.error = describeFailure(error)
    }
    options.log(
      `webhook ${record.event.type} ${record.event.id} attempt ${result.number} → ${result.status ?? result.error}`,
    )
    return result
  }

  const succeeded = (result: DeliveryAttempt) =>
    result.status !== null && result.status >= 200 && result.status < 300

  async function deliverWithRetries(
    record: EventRecord,
    { url, retryIndex }: { url: string; retryIndex: number },
  ): Promise<void> {
    // A manual resend may already have got the event through while this retry was waiting.
    if (record.delivery.status === 'succeeded') return
    if (!enabled) {
      record.delivery.status = 'failed'
      options.log(`webhook ${record.event.type} ${record.event.id}: deliveries are off, dropped`)
      return
    }
    const result = await attempt(record, { url, trigger: retryIndex === 0 ? 'automatic' : 'retry' })
    if (succeeded(result)) {
      record.delivery.status = 'succeeded'
      return
    }
    const delay = options.retryDelaysMs[retryIndex]
    if (delay === undefined) {
      record.delivery.status = 'failed'
      options.log(
        `webhook ${record.event.type} ${record.event.id}: giving up after ${result.number} attempts`,
      )
      return
    }
    result.nextRetryInMs = delay
    options.log(`webhook ${record.event.type} ${record.event.id}: retrying in ${delay} ms`)
    tasks.later(delay, () => deliverWithRetries(record, { url, retryIndex: retryIndex + 1 }))
  }

  return {
    /** Whether events are POSTed to the endpoint at all (POST /_emulator/webhooks). */
    get enabled(): boolean {
      return enabled
    },

    setEnabled(value: boolean): void {
      enabled = value
      options.log(`webhook deliveries ${value ? 'on' : 'off'}`)
    },

    deliver(record: EventRecord): void {
      const url = options.webhookUrl
      if (!url || !enabled) return
      record.delivery.status = 'pending'
      tasks.run(() => deliverWithRetries(record, { url, retryIndex: 0 }))
    },

    /** One attempt now, outside the retry schedule, like `stripe events resend`. */
    resend(record: EventRecord): Promise<DeliveryAttempt> {
      const url = options.webhookUrl
      if (!url)
        return Promise.reject(new Error('The emulator has no webhookUrl to resend events to.'))
      const delivery = attempt(record, { url, trigger: 'resend' }).then((result) => {
        if (succeeded(result)) record.delivery.status = 'succeeded'
        return result
      })
      tasks.run(() => delivery)
      return delivery
    },

    abortInFlight(): void {
      inFlight.abort()
      inFlight = new AbortController()
    },
  }
}
