import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { Payload, PayloadRequest } from 'payload'

import { Readable } from 'node:stream'
import { createLocalReq } from 'payload'

import { getStorefrontOptions } from '../options'
import { jsonError } from './http'
import { createStripeWebhookEndpoint } from './stripeWebhook'

/**
 * POST /api/stripe/webhook as a plain `node:http` request listener, for a process that receives
 * Stripe's webhooks without Next.js in front (the reference shop's `npm run webhooks`). The
 * endpoint's own handler answers, so statuses, bodies and what is recorded are exactly those of
 * the endpoint inside the app; what goes is the framework's cost per request, most of a webhook's
 * when the work is one statement. Any other path or method is answered 404.
 */
export function stripeWebhookListener(payload: Payload): RequestListener {
  const endpoint = createStripeWebhookEndpoint(getStorefrontOptions(payload))
  const path = `${payload.config.routes.api}${endpoint.path}`
  return (incoming, outgoing) => {
    void answer(incoming)
      .then((response) => send(response, incoming, outgoing))
      .catch((error: unknown) => {
        payload.logger.error({ err: error }, 'The Stripe webhook listener could not answer.')
        if (!outgoing.headersSent) outgoing.writeHead(500)
        outgoing.end()
      })
  }

  async function answer(incoming: IncomingMessage): Promise<Response> {
    const url = parsedTarget(incoming)
    if (incoming.method !== 'POST' || url?.pathname !== path) {
      incoming.resume()
      return jsonError(404, `Not found: this process only receives Stripe events at POST ${path}.`)
    }
    const headers = new Headers()
    // Node joins a repeated header into one string, except a few (Set-Cookie) it keeps as a list.
    for (const [name, value] of Object.entries(incoming.headers)) headers.set(name, String(value))
    const req = await createLocalReq(
      {
        req: {
          headers,
          method: 'POST',
          url: url.href,
          body: Readable.toWeb(incoming) as PayloadRequest['body'],
        } as Partial<PayloadRequest>,
      },
      payload,
    )
    return endpoint.handler(req)
  }
}

/** The request's target as a URL; null for one that is none (`POST http://[ HTTP/1.1`). */
function parsedTarget(incoming: IncomingMessage): URL | null {
  const target = String(incoming.url)
  return URL.canParse(target, LISTENER_BASE) ? new URL(target, LISTENER_BASE) : null
}

/** Only the path of a request target matters here; a relative one needs some base to parse. */
const LISTENER_BASE = 'http://webhook.listener'

async function send(
  response: Response,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  outgoing
    .writeHead(response.status, {
      ...Object.fromEntries(response.headers),
      'Content-Length': body.byteLength,
      // A body refused part-way (413) leaves the rest unread on the socket: not reusable.
      ...(incoming.complete ? {} : { Connection: 'close' }),
    })
    .end(body)
}
