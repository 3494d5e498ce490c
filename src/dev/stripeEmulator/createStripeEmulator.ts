import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { EmulatorContext } from './EmulatorContext'
import type { StripeEmulator, StripeEmulatorOptions } from './types'

import { closeDispute, openDispute } from './disputes'
import { createBackgroundTasks } from './createBackgroundTasks'
import { createEmulatorState } from './createEmulatorState'
import { createEventPublisher } from './createEventPublisher'
import { createWebhookDeliverer } from './createWebhookDeliverer'
import { handleAdminRequest } from './handleAdminRequest'
import { handleApiRequest } from './handleApiRequest'
import { handleCheckoutPage } from './handleCheckoutPage'
import { payCheckoutSession } from './payCheckoutSession'
import { resetEmulator } from './EmulatorContext'
import { resolveEmulatorOptions } from './resolveEmulatorOptions'
import { respond } from './http'

function listen(server: Server, { port, host }: { port: number; host: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is in use: is another Stripe emulator running? Set STRIPE_EMULATOR_PORT to use another port.`,
            )
          : error,
      )
    })
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
  })
}

async function route(
  context: EmulatorContext,
  { request, response }: { request: IncomingMessage; response: ServerResponse },
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator.invalid')
  if (url.pathname.startsWith('/v1/')) return handleApiRequest(context, { request, response, url })
  const checkout = /^\/checkout\/([^/]+)\/?$/.exec(url.pathname)
  if (checkout)
    return handleCheckoutPage(context, {
      request,
      response,
      sessionId: decodeURIComponent(checkout[1]),
    })
  if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/'))
    return handleAdminRequest(context, { request, response, url })
  respond.json(response, {
    status: url.pathname === '/' ? 200 : 404,
    body: {
      name: 'Stripe emulator (test mode, in memory)',
      api: '/v1',
      admin: '/_emulator',
      ...(url.pathname === '/' ? {} : { error: `Nothing at ${url.pathname}` }),
    },
  })
}

/**
 * Starts an in-memory, test-mode Stripe that the real `stripe` SDK talks to
 * (`new Stripe('sk_test_…', emulator.stripeConfig)`): Checkout Sessions with a hosted page that
 * takes Stripe's test cards, refunds, disputes, and signed webhooks with Stripe's retry behaviour.
 */
export async function createStripeEmulator(
  options: StripeEmulatorOptions,
): Promise<StripeEmulator> {
  if (!options.webhookSecret)
    throw new Error(
      'createStripeEmulator needs a webhookSecret (the same STRIPE_WEBHOOK_SECRET the shop verifies with).',
    )
  const host = options.host ?? '127.0.0.1'
  // The request handler is attached once the context exists; publicUrl needs the port listen() picked.
  const server = createServer()
  const port = await listen(server, { port: options.port ?? 0, host })

  const resolved = resolveEmulatorOptions(options, port)
  const tasks = createBackgroundTasks((error) =>
    resolved.log(`background task failed: ${error instanceof Error ? error.stack : String(error)}`),
  )
  const state = createEmulatorState(resolved.prices)
  const deliverer = createWebhookDeliverer(resolved, tasks)
  const ready: EmulatorContext = {
    state,
    options: resolved,
    tasks,
    deliverer,
    publishEvent: createEventPublisher({ state, options: resolved, deliverer }),
  }
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    route(ready, { request, response }).catch((error: unknown) => {
      resolved.log(`request failed: ${error instanceof Error ? error.stack : String(error)}`)
      if (!response.headersSent)
        respond.json(response, {
          status: 500,
          body: { error: { type: 'api_error', message: String(error) } },
        })
      else response.destroy()
    })
  })

  const apiHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return {
    url: `http://${apiHost}:${port}`,
    port,
    publicUrl: resolved.publicUrl,
    webhookSecret: resolved.webhookSecret,
    stripeConfig: { host: apiHost, port, protocol: 'http' },
    requests: () => [...state.requests],
    events: () => [...state.events.values()],
    event: (id) => state.events.get(id),
    resendEvent: (id) => {
      const record = state.events.get(id)
      return record ? deliverer.resend(record) : Promise.reject(new Error(`No such event: '${id}'`))
    },
    payCheckoutSession: (sessionId, payment) => payCheckoutSession(ready, { sessionId, payment }),
    openDispute: (chargeOrPaymentIntentId, disputeOptions) =>
      openDispute(ready, { chargeOrPaymentIntentId, reason: disputeOptions?.reason }),
    closeDispute: (disputeId, status) => closeDispute(ready, { disputeId, status }),
    idle: () => tasks.idle(),
    reset: () => resetEmulator(ready),
    close: async () => {
      // State stays readable after close; only work that would still reach out is stopped.
      tasks.cancelScheduled()
      deliverer.abortInFlight()
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
