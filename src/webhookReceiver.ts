/**
 * `npm run webhooks`: receives Stripe's webhooks at POST /api/stripe/webhook on
 * WEBHOOK_RECEIVER_PORT, in a process of its own without Next.js (the plugin's
 * stripeWebhookListener: the same handler, statuses and ledger as the app's endpoint). It records
 * and queues each event and runs no jobs: the web instances' runner or `npm run worker` applies
 * them. For shops whose webhook traffic should not wait behind page renders, or that want more
 * events per core than `next start` gives (see the README's benchmark); any number of receivers
 * can run, as the ledger's unique event id makes every delivery count once.
 */
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload } from 'payload'
import { stripeWebhookListener } from 'payload-plugin-storefront'

import config from '../payload.config'
import { env } from './env'

// getPayload without `cron: true` starts no autoRun: this process runs no jobs.
const payload = await getPayload({ config })
const server = http.createServer(stripeWebhookListener(payload))
server.listen(env.WEBHOOK_RECEIVER_PORT, () => {
  const { port } = server.address() as AddressInfo
  payload.logger.info(
    `Stripe webhook receiver ${process.pid} listening on port ${port} (POST /api/stripe/webhook).`,
  )
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // Stops accepting; the deliveries in hand are answered (and recorded) before the process ends.
  process.once(signal, () => server.close())
}
// `payload run` exits once this module has finished loading: it finishes when the server closes.
await once(server, 'close')
await payload.destroy()
process.exit(0)
