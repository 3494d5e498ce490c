/**
 * The shop as its own process, for the PostgreSQL outage test: the app's payload.config.ts (so
 * its env, plugins and database settings) with Payload's REST API served over node:http, the way
 * Next serves /api. Configured by env like the real app; seeds one product and SHOP_BUYERS
 * customers, then prints `READY <json>` with what it seeded.
 */
import http from 'node:http'
import { getPayload, handleEndpoints } from 'payload'

import config from '../../payload.config'

const port = Number(process.env.SHOP_PORT)
const buyerCount = Number(process.env.SHOP_BUYERS ?? 1)

const payload = await getPayload({ config })
const runId = Date.now().toString(36)
const product = await payload.create({
  collection: 'products',
  data: {
    title: 'Outage Pack',
    slug: `outage-pack-${runId}`,
    priceCents: 1500,
    currency: 'usd',
    stripePriceId: 'price_test_123',
    assetFilename: 'workflow-templates.zip',
    _status: 'published',
  },
})
const buyers: Array<{ id: number; email: string }> = []
for (let index = 0; index < buyerCount; index += 1) {
  const email = `outage-${runId}-${index}@test.example`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: 'correct horse battery staple', roles: ['customer'] },
  })
  buyers.push({ id: user.id, email })
}

const server = http.createServer((incoming, outgoing) => {
  const chunks: Buffer[] = []
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
  incoming.on('end', async () => {
    try {
      const body = Buffer.concat(chunks)
      const request = new Request(`http://127.0.0.1:${port}${incoming.url}`, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: body.length > 0 ? body : undefined,
      })
      const response = await handleEndpoints({ config, request })
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      // Only reached if Payload itself throws; the test counts any 5xx, never a dropped request.
      outgoing.writeHead(500, { 'Content-Type': 'text/plain' })
      outgoing.end(String(error))
    }
  })
})
server.listen(port, '127.0.0.1', () => {
  console.log(`READY ${JSON.stringify({ productSlug: product.slug, buyers })}`)
})
