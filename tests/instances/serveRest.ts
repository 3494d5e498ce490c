/**
 * One app instance for tests/severalInstances.test.ts: Payload's REST route handlers (the ones
 * src/app/(payload)/api mounts, from `@payloadcms/next/routes`) served over node:http in a process
 * of its own, with its own Payload and its own connection pool on the shared database. Started by
 * the test with Payload's `payload run`. Two `next start` builds would be the same handlers with a
 * far heavier start; see the test for why this was chosen.
 *
 * Besides /api/*, it answers POST /_instance/fulfil-returning-shopper with what the success page
 * does (the plugin's fulfilReturningShopper), so that path can race the webhook on another
 * instance, and POST /_instance/apply-stripe-event with what this instance's job runner does with
 * the event the webhook queued (the tests run with autoRun off, so the test says when).
 */
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload } from 'payload'
import { APPLY_STRIPE_EVENT_TASK, fulfilReturningShopper } from 'payload-plugin-storefront'

import config from '../../payload.config'

const payload = await getPayload({ config })
const handlers = { GET: REST_GET(config), POST: REST_POST(config) }

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function answer(req: http.IncomingMessage): Promise<Response> {
  const url = new URL(req.url ?? '/', payload.config.serverURL)
  const body = await readBody(req)
  if (req.method === 'POST' && url.pathname === '/_instance/fulfil-returning-shopper') {
    const { sessionId, userId } = JSON.parse(body.toString()) as {
      sessionId: string
      userId: number
    }
    const purchase = await fulfilReturningShopper({ payload, sessionId, userId })
    return Response.json({ purchaseId: purchase?.id ?? null })
  }
  if (req.method === 'POST' && url.pathname === '/_instance/apply-stripe-event') {
    const { eventId } = JSON.parse(body.toString()) as { eventId: string }
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: APPLY_STRIPE_EVENT_TASK } },
          { completedAt: { exists: false } },
        ],
      },
      pagination: false,
      depth: 0,
    })
    const jobs = docs.filter(
      (job) => (job.input as { event?: { id?: string } } | null)?.event?.id === eventId,
    )
    for (const job of jobs) await payload.jobs.runByID({ id: job.id, silent: true })
    return Response.json({ ran: jobs.length })
  }
  const handler = handlers[req.method as keyof typeof handlers]
  if (!handler || !url.pathname.startsWith('/api/')) return new Response(null, { status: 404 })
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  const request = new Request(url, {
    method: req.method,
    headers,
    body: req.method === 'GET' ? undefined : new Uint8Array(body),
  })
  const slug = url.pathname.slice('/api/'.length).split('/').filter(Boolean)
  return handler(request, { params: Promise.resolve({ slug }) })
}

const server = http.createServer((req, res) => {
  answer(req)
    .then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    })
    .catch((error: Error) => {
      payload.logger.error({ err: error }, 'instance request failed')
      res.writeHead(500).end(error.message)
    })
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  payload.logger.info(`App instance ${process.pid} listening on http://127.0.0.1:${port}`)
})
process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
})
// `payload run` exits once this module has finished loading: it finishes when the server closes.
await once(server, 'close')
await payload.destroy()
