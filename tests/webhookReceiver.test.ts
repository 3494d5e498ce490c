import type { Payload } from 'payload'
import type Stripe from 'stripe'

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { stripeWebhookListener } from 'payload-plugin-storefront'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rest } from './helpers/api'
import { checkoutInStripe } from './helpers/checkoutInStripe'
import { childEnv, startChild } from './helpers/childProcesses'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { checkoutSession, stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { runApplicationJobs, signature, waitingApplicationsOf } from './helpers/webhook'

/**
 * `npm run webhooks`: POST /api/stripe/webhook without Next.js in front, the plugin's
 * stripeWebhookListener on node:http. It runs the app endpoint's own handler, so each case below
 * is sent to both and must get the same status and body, and leave the same ledger entry.
 */
let payload: Payload
let server: http.Server
let listenerUrl: string
let product: { slug: string }
let shopper: { id: number; email: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct()
  shopper = await createUser(['customer'])
  server = http.createServer(stripeWebhookListener(payload))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  listenerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const ledgerFor = async (eventId: string) =>
  (
    await payload.find({
      collection: 'stripe-events',
      where: { eventId: { equals: eventId } },
      depth: 0,
    })
  ).docs.map(({ outcome, note }) => ({ outcome, note }))

const sessionEvent = (metadata: Record<string, string> = {}) =>
  stripeEvent(
    'checkout.session.completed',
    checkoutSession({
      metadata: { userId: String(shopper.id), productSlug: product.slug, ...metadata },
    }),
  )

type Delivery = { body: string; headers: Record<string, string> }
const signed = (event: Stripe.Event, secret?: string): Delivery => {
  const body = JSON.stringify(event)
  return { body, headers: { 'Stripe-Signature': signature(body, { secret }) } }
}

async function toListener(
  { body, headers }: Delivery,
  { base = listenerUrl, path = '/api/stripe/webhook' } = {},
) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  })
  return { status: response.status, body: await response.json() }
}

async function toApp({ body, headers }: Delivery) {
  const response = await rest('POST', '/stripe/webhook', { rawBody: body, headers })
  return { status: response.status, body: await response.json() }
}

describe('stripeWebhookListener answers as POST /api/stripe/webhook does', () => {
  it('a signed event: 200 {received: true}, recorded and its application queued once', async () => {
    const event = sessionEvent()
    const answer = await toListener(signed(event))
    expect(answer).toEqual({ status: 200, body: { received: true } })
    expect(await ledgerFor(event.id)).toEqual([{ outcome: 'received', note: null }])
    expect(await waitingApplicationsOf(event.id)).toHaveLength(1)

    // Stripe delivering it again, to the listener or to the app: acknowledged, nothing queued.
    expect(await toListener(signed(event))).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    })
    expect(await toApp(signed(event))).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    })
    expect(await waitingApplicationsOf(event.id)).toHaveLength(1)
  })

  it.each([
    ['no Stripe-Signature header', (event: Stripe.Event) => ({ ...signed(event), headers: {} })],
    ['a signature made with another secret', (event: Stripe.Event) => signed(event, 'whsec_x')],
    [
      'a body changed after signing',
      (event: Stripe.Event) => {
        const delivery = signed(event)
        return { ...delivery, body: delivery.body.replace('"livemode":false', '"livemode":true') }
      },
    ],
  ])('%s: the same 400 and sentence as the app, nothing recorded', async (_, deliveryOf) => {
    const [forListener, forApp] = [sessionEvent(), sessionEvent()]
    const fromListener = await toListener(deliveryOf(forListener))
    const fromApp = await toApp(deliveryOf(forApp))
    expect(fromListener.status).toBe(400)
    expect(fromListener).toEqual(fromApp)
    expect(await ledgerFor(forListener.id)).toEqual([])
  })

  it('a session without the shop metadata: the same 400 as the app, recorded rejected', async () => {
    // One session under two event ids: the sentence names the session.
    const session = checkoutSession({ metadata: {} })
    const [forListener, forApp] = [1, 2].map(() =>
      stripeEvent('checkout.session.completed', session),
    )
    const fromListener = await toListener(signed(forListener))
    expect(fromListener.status).toBe(400)
    expect(fromListener).toEqual(await toApp(signed(forApp)))
    const [entry] = await ledgerFor(forListener.id)
    expect(entry.outcome).toBe('rejected')
    expect(entry).toEqual((await ledgerFor(forApp.id))[0])
  })

  it('a body over the 1 MiB limit: 413 with the sentence, nothing recorded', async () => {
    const event = sessionEvent({ padding: 'x'.repeat(1024 * 1024) })
    const answer = await toListener(signed(event))
    expect(answer).toEqual({
      status: 413,
      body: {
        error:
          'The request body is larger than this endpoint accepts (1048576 bytes); send a smaller one.',
      },
    })
    expect(await ledgerFor(event.id)).toEqual([])
    // The rest of that body is still on the connection: the client must not send on it again.
    const again = await fetch(`${listenerUrl}/api/stripe/webhook`, {
      method: 'POST',
      ...signed(event),
    })
    expect([again.status, again.headers.get('connection')]).toEqual([413, 'close'])
    await again.body?.cancel()
  })

  it('any other path or method: 404 naming the one thing this process receives', async () => {
    const notFound = {
      status: 404,
      body: {
        error: 'Not found: this process only receives Stripe events at POST /api/stripe/webhook.',
      },
    }
    for (const path of ['/api/stripe/webhooks', '/api/users', '/stripe/webhook']) {
      expect(await toListener(signed(sessionEvent()), { path })).toEqual(notFound)
    }
    const get = await fetch(`${listenerUrl}/api/stripe/webhook`)
    expect({ status: get.status, body: await get.json() }).toEqual(notFound)
    // A request target that is no URL at all (fetch cannot send one: raw HTTP).
    const raw = await rawRequest('POST http://[bad/api/stripe/webhook HTTP/1.1')
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found')
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual(notFound.body)
  })

  it('an event it recorded is applied like any other: one purchase, ledger processed', async () => {
    const session = await checkoutInStripe({
      userId: shopper.id,
      email: shopper.email,
      productSlug: product.slug,
    })
    const event = stripeEvent('checkout.session.completed', session)
    expect((await toListener(signed(event))).status).toBe(200)
    await runApplicationJobs(event.id)
    const { docs } = await payload.find({
      collection: 'purchases',
      where: { stripeSessionId: { equals: session.id } },
      depth: 0,
    })
    expect(docs.map((purchase) => purchase.status)).toEqual(['paid'])
    expect((await ledgerFor(event.id))[0].outcome).toBe('processed')
  })
})

describe('npm run webhooks (src/webhookReceiver.ts, a process of its own)', () => {
  it('listens on WEBHOOK_RECEIVER_PORT, records a signed delivery, and ends on SIGTERM', async () => {
    const port = await freePort()
    const receiver = await startChild({
      args: ['node_modules/payload/bin.js', 'run', 'src/webhookReceiver.ts'],
      env: childEnv({ WEBHOOK_RECEIVER_PORT: String(port) }),
      ready: /Stripe webhook receiver \d+ listening on port \d+/,
    })
    try {
      expect(receiver.output()).toContain(`listening on port ${port}`)
      const event = sessionEvent()
      expect(await toListener(signed(event), { base: `http://127.0.0.1:${port}` })).toEqual({
        status: 200,
        body: { received: true },
      })
      expect(await ledgerFor(event.id)).toEqual([{ outcome: 'received', note: null }])
    } finally {
      await receiver.stop()
    }
    expect(receiver.child.exitCode).toBe(0)
  })
})

/** One request written as raw HTTP/1.1 (request line given); the whole answer as text. */
function rawRequest(requestLine: string): Promise<string> {
  const { port } = new URL(listenerUrl)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(`${requestLine}\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
    )
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

function freePort(): Promise<number> {
  const probe = http.createServer()
  return new Promise((resolve) =>
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    }),
  )
}
