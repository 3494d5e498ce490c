import type { IncomingMessage, ServerResponse } from 'node:http'

import type { EmulatorContext } from './EmulatorContext'

import { closeDispute, openDispute } from './disputes'
import { createEarlyFraudWarning } from './earlyFraudWarnings'
import { readRequestBody, respond } from './http'
import { resetEmulator } from './EmulatorContext'

const ENDPOINTS = {
  'GET /_emulator/events': 'every event, oldest first, with its delivery attempts (?type= filters)',
  'GET /_emulator/events/:id': 'one event with its delivery attempts',
  'POST /_emulator/events/:id/resend':
    'deliver the event again now, same id (stripe events resend)',
  'GET /_emulator/requests': 'every API request received, with parsed params and idempotency key',
  'POST /_emulator/reset': 'forget sessions, payments, events and requests',
  'GET /_emulator/webhooks': 'whether events are delivered, and where',
  'POST /_emulator/webhooks':
    'switch deliveries off or on (body: enabled=false|true); events made while off are never sent',
  'POST /_emulator/charges/:id/dispute':
    'open a dispute on a charge or payment intent (body: reason)',
  'POST /_emulator/disputes/:id/close': 'close a dispute (body: status=won|lost)',
  'POST /_emulator/charges/:id/early_fraud_warning':
    'an issuer early fraud warning on a charge or payment intent (body: fraud_type)',
  'POST /_emulator/faults':
    'answer the next {count} API requests to {method} {path} with {status} and {body} (fault injection)',
}

/** JSON or a plain form, so both `fetch` and `curl -d status=won` work. */
async function readFields(request: IncomingMessage): Promise<Record<string, string>> {
  const text = await readRequestBody(request)
  if (!text) return {}
  if (request.headers['content-type']?.includes('json'))
    return JSON.parse(text) as Record<string, string>
  return Object.fromEntries(new URLSearchParams(text))
}

/**
 * The emulator's own endpoints under `/_emulator/`: what a developer or a test needs to see and
 * steer what Stripe would otherwise do out of sight (deliveries, resends, disputes).
 */
export async function handleAdminRequest(
  context: EmulatorContext,
  { request, response, url }: { request: IncomingMessage; response: ServerResponse; url: URL },
): Promise<void> {
  const { state } = context
  const route = `${request.method} ${url.pathname.replace(/\/+$/, '')}`
  const [, id] = /^[A-Z]+ \/_emulator\/(?:events|charges|disputes)\/([^/]+)/.exec(route) ?? []
  try {
    if (route === 'GET /_emulator')
      return respond.json(response, { status: 200, body: { endpoints: ENDPOINTS } })
    if (route === 'GET /_emulator/requests')
      return respond.json(response, { status: 200, body: { data: state.requests } })
    if (route === 'GET /_emulator/events') {
      const type = url.searchParams.get('type')
      return respond.json(response, {
        status: 200,
        body: {
          data: [...state.events.values()].filter((record) => !type || record.event.type === type),
        },
      })
    }
    if (route === 'POST /_emulator/faults') {
      const fields = (await readFields(request)) as unknown as {
        method?: string
        path: string
        status?: number
        body?: unknown
        count?: number
      }
      if (!fields.path?.startsWith('/v1/'))
        return respond.json(response, {
          status: 400,
          body: {
            error: 'path must be an API path such as /v1/checkout/sessions',
          },
        })
      const fault = {
        method: (fields.method ?? 'POST').toUpperCase(),
        path: fields.path,
        status: Number(fields.status ?? 500),
        body: fields.body ?? {},
        remaining: Number(fields.count ?? 1),
      }
      state.faults.push(fault)
      return respond.json(response, { status: 200, body: fault })
    }
    if (route === 'GET /_emulator/webhooks' || route === 'POST /_emulator/webhooks') {
      if (request.method === 'POST') {
        const { enabled } = await readFields(request)
        const value = String(enabled)
        if (value !== 'true' && value !== 'false')
          return respond.json(response, {
            status: 400,
            body: { error: 'Send enabled=true or enabled=false.' },
          })
        context.deliverer.setEnabled(value === 'true')
      }
      return respond.json(response, {
        status: 200,
        body: { enabled: context.deliverer.enabled, url: context.options.webhookUrl },
      })
    }
    if (route === 'POST /_emulator/reset') {
      resetEmulator(context)
      return respond.json(response, { status: 200, body: { reset: true } })
    }
    if (
      route === `GET /_emulator/events/${id}` ||
      route === `POST /_emulator/events/${id}/resend`
    ) {
      const record = state.events.get(id)
      if (!record)
        return respond.json(response, { status: 404, body: { error: `No such event: '${id}'` } })
      if (request.method === 'GET') return respond.json(response, { status: 200, body: record })
      return respond.json(response, { status: 200, body: await context.deliverer.resend(record) })
    }
    if (route === `POST /_emulator/charges/${id}/dispute`) {
      const fields = await readFields(request)
      return respond.json(response, {
        status: 200,
        body: openDispute(context, { chargeOrPaymentIntentId: id, reason: fields.reason }),
      })
    }
    if (route === `POST /_emulator/charges/${id}/early_fraud_warning`) {
      const fields = await readFields(request)
      return respond.json(response, {
        status: 200,
        body: createEarlyFraudWarning(context, {
          chargeOrPaymentIntentId: id,
          fraudType: fields.fraud_type,
        }),
      })
    }
    if (route === `POST /_emulator/disputes/${id}/close`) {
      const fields = await readFields(request)
      return respond.json(response, {
        status: 200,
        body: closeDispute(context, { disputeId: id, status: fields.status as 'won' | 'lost' }),
      })
    }
    respond.json(response, {
      status: 404,
      body: { error: `No emulator endpoint ${route}`, endpoints: ENDPOINTS },
    })
  } catch (error) {
    respond.json(response, {
      status: 400,
      body: { error: error instanceof Error ? error.message : String(error) },
    })
  }
}
