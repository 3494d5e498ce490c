/**
 * The second app's money path, run in its own process (`npm run scenario`, i.e.
 * `payload run scenario.ts`, in the app's folder after `payload migrate`; see
 * tests/package/secondApp.test.ts). Every HTTP call goes through Payload's
 * real REST route handlers (what a Next app mounts at /api/[...slug]) with real Requests; Stripe
 * is the emulator, reached by the real `stripe` SDK. Prints one line, `RESULT <json>`, with what
 * each step answered; the test decides what is right.
 */
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { getPayload } from 'payload'
import Stripe from 'stripe'

import config from './payload.config'

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`Set ${name} for the second app's scenario.`)
  return value
}

const serverUrl = required('SERVER_URL')
const emulatorUrl = required('STRIPE_EMULATOR_URL')
const mailCatcherUrl = required('RESEND_BASE_URL')
const webhookSecret = required('STRIPE_WEBHOOK_SECRET')
const productFile = required('PRODUCT_FILE_NAME')

const handlers = { GET: REST_GET(config), POST: REST_POST(config) }

async function rest(
  method: keyof typeof handlers,
  apiPath: string,
  {
    token,
    body,
    headers,
  }: { token?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const request = new Request(`${serverUrl}/api${apiPath}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...headers,
    },
    body,
  })
  const slug = apiPath.split('?')[0].split('/').filter(Boolean)
  return handlers[method](request, { params: Promise.resolve({ slug }) })
}

const sha256 = (bytes: ArrayBuffer) => createHash('sha256').update(Buffer.from(bytes)).digest('hex')

// Where this app's `payload-plugin-storefront` comes from: the same resolution payload.config.ts used.
const pluginEntry = realpathSync(fileURLToPath(import.meta.resolve('payload-plugin-storefront')))

const payload = await getPayload({ config })
const runId = Date.now().toString(36)
const password = 'correct horse battery staple'
const buyer = await payload.create({
  collection: 'users',
  data: { email: `buyer-${runId}@test.example`, password, roles: ['customer'] },
})
const stranger = await payload.create({
  collection: 'users',
  data: { email: `stranger-${runId}@test.example`, password, roles: ['customer'] },
})
const product = await payload.create({
  collection: 'products',
  data: {
    title: 'Second App Pack',
    slug: `second-app-pack-${runId}`,
    priceCents: 1500,
    currency: 'usd',
    stripePriceId: 'price_test_123',
    assetFilename: productFile,
    _status: 'published',
  },
})

async function signIn(email: string): Promise<string> {
  const response = await rest('POST', '/users/login', { body: JSON.stringify({ email, password }) })
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}
const buyerToken = await signIn(buyer.email)
const strangerToken = await signIn(stranger.email)

const checkoutBody = JSON.stringify({ productSlug: product.slug })
const anonymousCheckout = await rest('POST', '/checkout', { body: checkoutBody })
const checkout = await rest('POST', '/checkout', { body: checkoutBody, token: buyerToken })
const { url: checkoutUrl } = (await checkout.json()) as { url: string }

// The shopper pays on the emulator's hosted page, which completes the session in Stripe.
const paid = await fetch(checkoutUrl, {
  method: 'POST',
  redirect: 'manual',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ method: 'card', card_number: '4242 4242 4242 4242' }),
})

// The event Stripe produced for this session, delivered the way Stripe does: raw body, signed.
const events = (await (
  await fetch(`${emulatorUrl}/_emulator/events?type=checkout.session.completed`)
).json()) as { data: Array<{ event: Stripe.Event }> }
const completed = events.data
  .map(({ event }) => event)
  .find(
    (event) =>
      (event.data.object as Stripe.Checkout.Session).metadata?.productSlug === product.slug,
  )
if (!completed) throw new Error('The emulator produced no checkout.session.completed')
const session = completed.data.object as Stripe.Checkout.Session
const eventBody = JSON.stringify(completed)
async function deliverWebhook(): Promise<{ status: number; body: unknown }> {
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: eventBody,
    secret: webhookSecret,
  })
  const response = await rest('POST', '/stripe/webhook', {
    body: eventBody,
    headers: { 'Stripe-Signature': signature },
  })
  return { status: response.status, body: await response.json() }
}
const webhook = await deliverWebhook()
const webhookReplay = await deliverWebhook()
// The webhook stored the event and queued its application: the queue applies it, as autoRun or
// `npm run worker` would (the receipt job it queues waits for the next run).
await payload.jobs.run({ queue: 'storefront', limit: 10 })

const purchases = await payload.find({
  collection: 'purchases',
  where: { stripeSessionId: { equals: session.id } },
})
const receiptJobs = await payload.count({
  collection: 'payload-jobs',
  where: { taskSlug: { equals: 'storefrontSendPurchaseReceipt' } },
})
const purchase = purchases.docs[0]

// The queue runs here, as autoRun or `payload jobs:run --queue storefront` would.
await payload.jobs.run({ queue: 'storefront', limit: 10 })
const mail = (await (await fetch(`${mailCatcherUrl}/_catcher/messages`)).json()) as Array<{
  to: string[]
  subject: string
}>

const ownerDownload = await rest('GET', `/products/downloads/${purchase?.id}`, {
  token: buyerToken,
})
const ownerBytes = await ownerDownload.arrayBuffer()
const strangerDownload = await rest('GET', `/products/downloads/${purchase?.id}`, {
  token: strangerToken,
})

const result = {
  pluginEntry,
  productId: product.id,
  anonymousCheckout: { status: anonymousCheckout.status, body: await anonymousCheckout.json() },
  checkout: { status: checkout.status, url: checkoutUrl },
  paidStatus: paid.status,
  sessionUserId: session.metadata?.userId,
  buyerId: String(buyer.id),
  webhook,
  webhookReplay,
  purchases: purchases.docs.map((doc) => ({
    id: doc.id,
    status: doc.status,
    user: typeof doc.user === 'object' ? doc.user?.id : doc.user,
    receiptStatus: doc.receipt?.status,
  })),
  receiptJobs: receiptJobs.totalDocs,
  receiptsSent: mail.filter((message) => message.to.includes(buyer.email)).map((m) => m.subject),
  receiptAfterJobs: purchase
    ? (await payload.findByID({ collection: 'purchases', id: purchase.id })).receipt
    : undefined,
  ownerDownload: {
    status: ownerDownload.status,
    contentDisposition: ownerDownload.headers.get('content-disposition'),
    length: ownerBytes.byteLength,
    sha256: sha256(ownerBytes),
  },
  strangerDownload: { status: strangerDownload.status, body: await strangerDownload.json() },
}
console.log(`RESULT ${JSON.stringify(result)}`)
await payload.destroy()
process.exit(0)
