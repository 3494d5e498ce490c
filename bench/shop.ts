/**
 * `npm run bench -- shop [--quick]`: the shop's other figures against the production build
 * (`next start` via src/dev/serveProduction.ts), load from autocannon, each against a baseline
 * measured in the same run. Printed, never asserted:
 *
 * - webhook: N signed `checkout.session.completed` for distinct paid sessions, 20 at a time,
 *   through POST /api/stripe/webhook vs bench/webhookBaseline.ts (constructEvent + one INSERT);
 *   then how fast the shop's job runner applies them (purchases created, ledger `processed`);
 *   the same through `npm run webhooks` (the endpoint without Next.js); and the framework's
 *   floors, next start and Payload's REST handler answering the same POST (src/benchFloor.ts);
 * - catalog: requests/s of /products and /products/<slug> vs the same server sending a static
 *   file (public/_bench) of the same size;
 * - checkout: POST /api/checkout one at a time, the shop's own time (total minus the time its
 *   Stripe calls waited on the emulator, measured by a proxy);
 * - publish → visible: an editor publishes a product until its page and the catalog show it;
 * - pay → receipt: paying on the emulator's hosted page until the receipt is in the mail catcher.
 *
 * `--worker`: the web instance with autoRun off and one `npm run worker` process running the jobs,
 * started once the webhook deliveries are answered (as if it ran on a machine of its own).
 *
 * Needs `npm run build` first. Ports (env): BENCH_SHOP_PORT 3210, BENCH_BASELINE_PORT 3211,
 * BENCH_RECEIVER_PORT 3212, MAIL_CATCHER_PORT 12232, EMBEDDED_POSTGRES_PORT 54333; the Stripe
 * emulator takes a free one.
 */
import type { ChildProcess } from 'node:child_process'

import autocannon from 'autocannon'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import Stripe from 'stripe'

import fixtures from '../src/dev/stripeEmulator/fixtures.json'
import { startGroup, stopGroup, waitForHttp } from './processes'
import { type BenchStripe, startBenchStripe } from './shopStandIns'

const quick = process.argv.includes('--quick')
const separateWorker = process.argv.includes('--worker')
const env = (name: string, fallback: number) => Number(process.env[name] || fallback)
const APP_PORT = env('BENCH_SHOP_PORT', 3210)
const BASELINE_PORT = env('BENCH_BASELINE_PORT', 3211)
const RECEIVER_PORT = env('BENCH_RECEIVER_PORT', 3212)
const MAIL_PORT = env('MAIL_CATCHER_PORT', 12232)
const PG_PORT = env('EMBEDDED_POSTGRES_PORT', 54333)
const APP = `http://127.0.0.1:${APP_PORT}`
const WEBHOOK_SECRET = 'whsec_bench_only_secret'
const SIZE = quick
  ? { events: 300, seconds: 5, checkouts: 40, publishes: 3, payments: 3 }
  : { events: 2000, seconds: 15, checkouts: 200, publishes: 10, payments: 10 }
const STATIC_DIR = 'public/_bench'
const PRODUCT_SLUG = 'workflow-templates'

const children: ChildProcess[] = []
let stripe: BenchStripe | undefined

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`

async function api<T>(pathname: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  if (init.body) headers.set('Content-Type', 'application/json')
  const response = await fetch(`${APP}/api${pathname}`, { ...init, headers })
  const body = (await response.json()) as T
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

const loginAs = async (email: string, password: string) =>
  (
    await api<{ token: string; user: { id: number } }>('/users/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    })
  ).token

async function pageBytes(pathname: string): Promise<number> {
  const response = await fetch(`${APP}${pathname}`)
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`)
  return (await response.arrayBuffer()).byteLength
}

/** `npm run worker` on the shop's database, its Stripe and mail catcher (--worker). */
async function startWorker(): Promise<void> {
  children.push(
    startGroup('npm', ['run', 'worker'], {
      env: sideProcessEnv(await shopDatabaseUrl()),
      log: 'worker',
    }),
  )
}
/** The environment of a process beside the shop (worker, receiver): its database, Stripe, mail. */
function sideProcessEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'production',
    PAYLOAD_SECRET: 'bench-worker-secret-not-used-for-sessions',
    EMAIL_FROM: 'Payload Storefront <shop@example.com>',
    STRIPE_SECRET_KEY: 'sk_test_bench_emulator',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripe!.apiPort),
    STRIPE_API_PROTOCOL: 'http',
    RESEND_API_KEY: 're_offline_mail_catcher',
    RESEND_BASE_URL: `http://127.0.0.1:${MAIL_PORT}`,
    NEXT_PUBLIC_SERVER_URL: APP,
  }
}

/** The production build on APP_PORT, a fresh seeded database, this bench's Stripe. */
async function startShop(): Promise<ChildProcess> {
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(APP_PORT),
    MAIL_CATCHER_PORT: String(MAIL_PORT),
    EMBEDDED_POSTGRES_PORT: String(PG_PORT),
    STRIPE_SECRET_KEY: 'sk_test_bench_emulator',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripe!.apiPort),
    STRIPE_API_PROTOCOL: 'http',
  }
  delete appEnv.DATABASE_URL
  delete appEnv.RESEND_API_KEY
  // --worker: the web instance runs no jobs; one `npm run worker` process applies the events and
  // sends the receipts, as README's Deployment section scales it.
  if (separateWorker) appEnv.JOBS_AUTORUN = 'false'
  appEnv.BENCH_FLOOR = 'true'
  const child = startGroup('npx', ['tsx', 'src/dev/serveProduction.ts'], {
    env: appEnv,
    log: 'app',
  })
  children.push(child)
  await waitForHttp(`${APP}/products`)
  return child
}

/** The database serveProduction just created (`shop_<time>`), for the baseline to write to. */
async function shopDatabaseUrl(): Promise<string> {
  const base = `postgres://postgres:postgres@127.0.0.1:${PG_PORT}`
  const client = new pg.Client({ connectionString: `${base}/postgres` })
  await client.connect()
  const { rows } = await client.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'shop\\_%' ORDER BY datname DESC LIMIT 1",
  )
  await client.end()
  return `${base}/${rows[0].datname}`
}

/** Static files the size of the two catalog pages; true when they had to change (restart). */
async function writeStaticTwins(sizes: Record<string, number>): Promise<boolean> {
  let changed = false
  await fs.mkdir(STATIC_DIR, { recursive: true })
  for (const [name, size] of Object.entries(sizes)) {
    const file = path.join(STATIC_DIR, name)
    const current = await fs.stat(file).catch(() => null)
    if (current?.size === size) continue
    await fs.writeFile(file, 'x'.repeat(size))
    changed = true
  }
  return changed
}

type Load = { perSecond: number; p50: number; p99: number; non2xx: number; errors: number }

async function load(options: autocannon.Options): Promise<Load> {
  // autocannon notices the end of a run only when it samples, every `sampleInt` ms (1000 by
  // default): a 0.2 s run then lasts 1 s. Sampling every 10 ms makes `duration` the run's own.
  const result = await autocannon({ connections: 20, sampleInt: 10, ...options })
  return {
    // Completed requests over the run's wall time, not autocannon's per-sample average.
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

function emulatorClient(): Stripe {
  return new Stripe('sk_test_bench_emulator', {
    host: '127.0.0.1',
    port: Number(new URL(stripe!.emulatorUrl).port),
    protocol: 'http',
  })
}

/** A Checkout Session as POST /api/checkout creates it, made directly on the emulator. */
function newSession(client: Stripe, userId: number, priceId: string) {
  return client.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: priceId, quantity: 1 }],
    client_reference_id: String(userId),
    customer_email: 'customer@example.com',
    metadata: { userId: String(userId), productSlug: PRODUCT_SLUG },
    success_url: `${APP}/products/account?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${APP}/products`,
  })
}

/** Pays a session on the emulator's hosted page with the test card, as a shopper does. */
async function pay(url: string) {
  const paid = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({ method: 'card', card_number: '4242424242424242' }),
    redirect: 'manual',
  })
  if (paid.status !== 303) throw new Error(`The emulator refused the payment: ${paid.status}`)
}

/** `count` Checkout Sessions paid on the emulator (webhooks swallowed), as Stripe events. */
async function paidSessionEvents(count: number, userId: number, priceId: string) {
  const client = emulatorClient()
  stripe!.setForwarding(false)
  const events: string[] = []
  for (let start = 0; start < count; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, count - start) }, async (_, i) => {
        const created = await newSession(client, userId, priceId)
        await pay(created.url!)
        const session = await client.checkout.sessions.retrieve(created.id)
        return JSON.stringify({
          ...fixtures.event,
          id: `evt_bench_${Date.now().toString(36)}_${start + i}`,
          type: 'checkout.session.completed',
          created: Math.floor(Date.now() / 1000),
          data: { object: session },
        })
      }),
    )
    events.push(...batch)
  }
  stripe!.setForwarding(true)
  return events
}

/** Each request takes the next body, signed as Stripe signs it. */
function signedRequests(bodies: string[]): autocannon.Request[] {
  let next = 0
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const body = bodies[next++ % bodies.length]
        const signature = Stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: WEBHOOK_SECRET,
        })
        return {
          ...request,
          body,
          headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        }
      },
    },
  ]
}

async function benchWebhook(customer: { id: number }, priceId: string) {
  const warmUp = 20
  const sequential = 20
  const appEvents = await paidSessionEvents(SIZE.events + warmUp + sequential, customer.id, priceId)
  // The same sessions under other event ids: the baseline records events, not purchases, and the
  // receiver's events find their purchases made by then.
  const underOtherIds = (prefix: string) =>
    appEvents.map((body) => body.replace(/"id":"evt_bench_/, `"id":"${prefix}`))
  const baselineEvents = underOtherIds('evt_base_')
  const receiverEvents = underOtherIds('evt_recv_')
  const databaseUrl = await shopDatabaseUrl()
  children.push(
    startGroup(
      'npx',
      ['tsx', 'bench/webhookBaseline.ts', String(BASELINE_PORT), databaseUrl, WEBHOOK_SECRET],
      {
        log: 'baseline',
      },
    ),
    startGroup('npm', ['run', 'webhooks'], {
      env: { ...sideProcessEnv(databaseUrl), WEBHOOK_RECEIVER_PORT: String(RECEIVER_PORT) },
      log: 'receiver',
    }),
  )
  const receiverUrl = `http://127.0.0.1:${RECEIVER_PORT}/api/stripe/webhook`
  await waitForHttp(`http://127.0.0.1:${BASELINE_PORT}/`)
  await waitForHttp(receiverUrl)
  const measured = [warmUp, warmUp + SIZE.events]
  /** Each URL in turn: `warmUp` bodies unmeasured, then the measured ones. */
  const measure = async (url: string, bodies: string[]) => {
    await load({ url, amount: warmUp, requests: signedRequests(bodies.slice(0, warmUp)) })
    const slice = bodies.slice(...measured)
    return load({ url, amount: slice.length, requests: signedRequests(slice) })
  }
  // The baseline and the framework's floors (src/benchFloor.ts): the same bodies, only read.
  const baseline = await measure(`http://127.0.0.1:${BASELINE_PORT}/`, baselineEvents)
  const nextFloor = await measure(`${APP}/bench-floor`, baselineEvents)
  const payloadFloor = await measure(`${APP}/api/bench-floor`, baselineEvents)
  // The shop's endpoint, then `npm run webhooks` (the same endpoint without Next.js) with the same
  // sessions under other event ids. By default the web instance's runner applies the events as
  // they arrive, on the same 2 cores; with --worker nothing applies them until both are measured,
  // so the intake figures are the processes' own (as with the worker on a machine of its own).
  const acceptedFrom = performance.now()
  const shop = await measure(`${APP}/api/stripe/webhook`, appEvents)
  const receiver = await measure(receiverUrl, receiverEvents)
  if (separateWorker) await startWorker()
  // Applied = no longer `received` in the ledger: every measured event of both.
  const eventIds = (bodies: string[]) =>
    bodies.slice(...measured).map((body) => (JSON.parse(body) as { id: string }).id)
  const applied = await appliedAfter(
    [...eventIds(appEvents), ...eventIds(receiverEvents)],
    acceptedFrom,
  )
  // One at a time, once the runner has also sent the receipts: one event's own cost.
  await queueEmptied()
  const alone = await load({
    url: `${APP}/api/stripe/webhook`,
    connections: 1,
    amount: sequential,
    requests: signedRequests(appEvents.slice(-sequential)),
  })
  await queueEmptied()
  return { shop, receiver, baseline, nextFloor, payloadFloor, alone, applied }
}

/** Waits until the job runner has no job left to run (queued and due, or running). */
async function queueEmptied() {
  const client = new pg.Client({ connectionString: await shopDatabaseUrl() })
  await client.connect()
  try {
    for (const started = performance.now(); ; await sleep(200)) {
      const { rows } = await client.query<{ left: string }>(
        `select count(*) as left from payload_jobs
         where completed_at is null and has_error is not true and (wait_until is null or wait_until < now())`,
      )
      if (Number(rows[0].left) === 0) return
      if (performance.now() - started > 600_000)
        throw new Error('the queue was not empty in 10 min')
    }
  } finally {
    await client.end()
  }
}

/** Waits until every one of these events is applied; events applied per second since `from`. */
async function appliedAfter(eventIds: string[], from: number) {
  const client = new pg.Client({ connectionString: await shopDatabaseUrl() })
  await client.connect()
  try {
    for (;;) {
      const { rows } = await client.query<{ waiting: string; outcomes: string[] }>(
        `select count(*) filter (where outcome in ('received', 'failed')) as waiting,
           array_agg(distinct outcome::text) as outcomes
         from stripe_events where event_id = any($1)`,
        [eventIds],
      )
      if (Number(rows[0].waiting) === 0) {
        const seconds = (performance.now() - from) / 1000
        return { perSecond: eventIds.length / seconds, seconds, outcomes: rows[0].outcomes }
      }
      if (performance.now() - from > 600_000) throw new Error('events were not applied in 10 min')
      await sleep(100)
    }
  } finally {
    await client.end()
  }
}

async function benchCatalog(slug: string) {
  const duration = SIZE.seconds
  const pairs = [
    ['/products', `/_bench/products.html`],
    [`/products/${slug}`, `/_bench/product.html`],
  ]
  const rows = []
  for (const [page, twin] of pairs) {
    await load({ url: `${APP}${page}`, duration: 1 })
    await load({ url: `${APP}${twin}`, duration: 1 })
    const shop = await load({ url: `${APP}${page}`, duration })
    const file = await load({ url: `${APP}${twin}`, duration })
    rows.push({ page, shop, file })
  }
  return rows
}

async function benchCheckout(token: string) {
  const own: number[] = []
  for (let i = 0; i < SIZE.checkouts; i += 1) {
    stripe!.resetUpstream()
    const started = performance.now()
    await api('/checkout', {
      method: 'POST',
      token,
      body: JSON.stringify({ productSlug: PRODUCT_SLUG }),
    })
    own.push(performance.now() - started - stripe!.upstreamMs())
  }
  return own
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(25)
  }
}

async function benchPublish(editor: string) {
  const times: number[] = []
  for (let i = 0; i < SIZE.publishes; i += 1) {
    const slug = `bench-${Date.now().toString(36)}-${i}`
    const started = performance.now()
    await api('/products', {
      method: 'POST',
      token: editor,
      body: JSON.stringify({
        title: `Bench product ${i}`,
        slug,
        priceCents: 1900 + i,
        currency: 'usd',
        assetFilename: `${PRODUCT_SLUG}.zip`,
        _status: 'published',
      }),
    })
    await until(async () => {
      const [page, catalog] = await Promise.all([
        fetch(`${APP}/products/${slug}`),
        fetch(`${APP}/products`).then((response) => response.text()),
      ])
      await page.body?.cancel()
      return page.status === 200 && catalog.includes(`/products/${slug}`)
    })
    times.push(performance.now() - started)
  }
  return times
}

async function benchReceipt(userId: number, priceId: string) {
  const mailbox = `http://127.0.0.1:${MAIL_PORT}/_catcher/messages`
  const count = async () => ((await (await fetch(mailbox)).json()) as unknown[]).length
  const client = emulatorClient()
  const times: number[] = []
  for (let i = 0; i < SIZE.payments; i += 1) {
    const session = await newSession(client, userId, priceId)
    const before = await count()
    const started = performance.now()
    await pay(session.url!)
    await until(async () => (await count()) > before)
    times.push(performance.now() - started)
  }
  return times
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) {
    throw new Error(
      'No production build: run `npm run build` first (the bench measures next start).',
    )
  }
  const startedAt = Date.now()
  stripe = await startBenchStripe({
    webhookSecret: WEBHOOK_SECRET,
    shopWebhookUrl: `${APP}/api/stripe/webhook`,
  })
  console.log(`Starting the production build on ${APP_PORT} …`)
  let shop = await startShop()
  const sizes = {
    'products.html': await pageBytes('/products'),
    'product.html': await pageBytes(`/products/${PRODUCT_SLUG}`),
  }
  if (await writeStaticTwins(sizes)) {
    // next start lists public/ when it starts: restart so it serves the new twins.
    console.log('Static twins written; restarting so next start serves them …')
    await stopGroup(shop)
    shop = await startShop()
  }

  const editor = await loginAs('editor@example.com', 'demo-editor-password')
  const customerToken = await loginAs('customer@example.com', 'demo-customer-password')
  const me = await api<{ user: { id: number } }>('/users/me', { token: customerToken })
  const { docs } = await api<{ docs: Array<{ stripePriceId: string }> }>(
    `/products?where[slug][equals]=${PRODUCT_SLUG}&limit=1&depth=0`,
  )

  console.log('webhook …')
  const webhook = await benchWebhook(me.user, docs[0].stripePriceId)
  // BENCH_WEBHOOK_ONLY=1 (with NODE_OPTIONS=--cpu-prof): profile the webhook path alone.
  if (process.env.BENCH_WEBHOOK_ONLY) {
    console.log(webhook)
    return
  }
  console.log('catalog …')
  const catalog = await benchCatalog(PRODUCT_SLUG)
  console.log('checkout …')
  const checkout = await benchCheckout(customerToken)
  console.log('publish → visible …')
  const publish = await benchPublish(editor)
  console.log('pay → receipt …')
  const receipt = await benchReceipt(me.user.id, docs[0].stripePriceId)

  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  const lines = [
    '',
    `Shop bench (${quick ? '--quick' : 'full'}${separateWorker ? ', web with autoRun off + one worker' : ', jobs run by the web instance'}), ${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, Node ${process.version}`,
    '',
    '| figure | shop | baseline | ratio | target |',
    '| --- | --- | --- | --- | --- |',
    `| webhook events/s through next start (${SIZE.events} distinct sessions, 20 concurrent) | ${webhook.shop.perSecond.toFixed(0)} | ${webhook.baseline.perSecond.toFixed(0)} | ${ratio(webhook.shop.perSecond, webhook.baseline.perSecond)} | ≥ 0.5× |`,
    `| webhook latency through next start, p50 / p99 | ${ms(webhook.shop.p50)} / ${ms(webhook.shop.p99)} | ${ms(webhook.baseline.p50)} / ${ms(webhook.baseline.p99)} | | p99 < 100 ms |`,
    `| webhook events/s through \`npm run webhooks\` (the same endpoint without Next.js) | ${webhook.receiver.perSecond.toFixed(0)} | ${webhook.baseline.perSecond.toFixed(0)} | ${ratio(webhook.receiver.perSecond, webhook.baseline.perSecond)} | ≥ 0.5× |`,
    `| webhook latency through \`npm run webhooks\`, p50 / p99 | ${ms(webhook.receiver.p50)} / ${ms(webhook.receiver.p99)} | ${ms(webhook.baseline.p50)} / ${ms(webhook.baseline.p99)} | | p99 < 100 ms |`,
    `| floor: next start reading the same POST and answering JSON (/bench-floor) | ${webhook.nextFloor.perSecond.toFixed(0)}, p99 ${ms(webhook.nextFloor.p99)} | ${webhook.baseline.perSecond.toFixed(0)} | ${ratio(webhook.nextFloor.perSecond, webhook.baseline.perSecond)} | |`,
    `| floor: the same through Payload's REST handler (/api/bench-floor) | ${webhook.payloadFloor.perSecond.toFixed(0)}, p99 ${ms(webhook.payloadFloor.p99)} | ${webhook.baseline.perSecond.toFixed(0)} | ${ratio(webhook.payloadFloor.perSecond, webhook.baseline.perSecond)} | |`,
    `| webhook latency one at a time, p50 (${webhook.alone.perSecond ? 20 : 0} events) | ${ms(webhook.alone.p50)} | | | |`,
    `| events applied/s by the job runner (all ${2 * SIZE.events}: ${webhook.applied.outcomes.join(', ')}) | ${webhook.applied.perSecond.toFixed(0)} (${webhook.applied.seconds.toFixed(1)} s) | | | |`,
    ...catalog.map(
      (row) =>
        `| ${row.page} req/s (vs a static file of the same size) | ${row.shop.perSecond.toFixed(0)} | ${row.file.perSecond.toFixed(0)} | ${ratio(row.shop.perSecond, row.file.perSecond)} | ≥ 0.5× |`,
    ),
    `| checkout, shop's own time p50 / p95 (${SIZE.checkouts}, one at a time) | ${ms(percentile(checkout, 50))} / ${ms(percentile(checkout, 95))} | | | |`,
    `| publish → visible on the storefront, p50 / max (${SIZE.publishes}) | ${ms(percentile(publish, 50))} / ${ms(Math.max(...publish))} | | | |`,
    `| pay → receipt in the mail catcher, p50 / max (${SIZE.payments}) | ${ms(percentile(receipt, 50))} / ${ms(Math.max(...receipt))} | | | |`,
    '',
    `non-2xx: webhook ${webhook.shop.non2xx} (receiver ${webhook.receiver.non2xx}, baseline ${webhook.baseline.non2xx}), catalog ${catalog.map((row) => row.shop.non2xx + row.file.non2xx).join('/')}; ` +
      `page sizes ${sizes['products.html']} and ${sizes['product.html']} bytes; took ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  ]
  console.log(lines.join('\n'))
}

try {
  await main()
} finally {
  await Promise.all(children.map(stopGroup))
  await stripe?.close()
}
