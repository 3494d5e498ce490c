import type { Payload } from 'payload'

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { type RunningChild, startWorker } from './helpers/childProcesses'
import { getTestPayload } from './helpers/getTestPayload'
import { clearScheduledSweeps, clearWaitingJobs } from './helpers/jobs'
import { caughtMail } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { createPurchase } from './helpers/purchases'
import { createUser } from './helpers/users'
import { inject } from 'vitest'

/**
 * `npm run worker` (src/worker.ts) as real child processes on this run's database: the test
 * process is the web instance, with JOBS_AUTORUN=false, so only the workers send receipts.
 *
 * Each worker reaches the mail catcher through a proxy under its own path prefix, so the test
 * knows which worker sent what; the proxy can also keep the answer of a worker's first send to
 * itself, which leaves that worker inside the job (email accepted, receipt not yet recorded) for
 * the test to SIGKILL.
 */
type Send = { worker: string; key: string; emailId: string }

function startResendProxy(catcherUrl: string) {
  const sends: Send[] = []
  let holdFirstOf: null | string = null
  let heldResolve!: () => void
  const held = new Promise<void>((resolve) => (heldResolve = resolve))
  const server = http.createServer(async (req, res) => {
    const [, worker, ...rest] = (req.url ?? '/').split('/')
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !['host', 'content-length', 'connection'].includes(name),
      ) as Array<[string, string]>,
    )
    const answer = await fetch(`${catcherUrl}/${rest.join('/')}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    })
    const body = await answer.text()
    const key = String(req.headers['idempotency-key'] ?? '')
    if (answer.ok) sends.push({ worker, key, emailId: (JSON.parse(body) as { id: string }).id })
    if (holdFirstOf === worker) {
      holdFirstOf = null
      heldResolve()
      return // never answered: the worker stays inside the job until it is killed
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(body)
  })
  return {
    sends,
    held,
    holdFirstSendOf: (worker: string) => (holdFirstOf = worker),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}

let payload: Payload
let proxy: ReturnType<typeof startResendProxy>
let proxyUrl: string
const workers: RunningChild[] = []

async function receiptJob(purchaseId: number) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { 'input.purchaseId': { equals: String(purchaseId) } },
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const output = workers.map((worker) => worker.output()).join('\n---\n')
      throw new Error(`timed out waiting until ${what}; the workers said:\n${output}`)
    }
    await sleep(200)
  }
}

/**
 * Receipts recorded as sent and no job of theirs left to run. Payload deletes completed jobs after
 * each round, except when a round fails: with several workers, Payload's claim (a read, then a
 * write) can hand one job to two workers, and the one that finishes second fails its round when the
 * job is already gone; completed jobs of that round then stay, marked completed.
 */
async function receiptsSent(ids: number[]): Promise<boolean> {
  const { totalDocs: sent } = await payload.count({
    collection: 'purchases',
    where: { id: { in: ids }, 'receipt.status': { equals: 'sent' } },
  })
  const { totalDocs: jobsLeft } = await payload.count({
    collection: 'payload-jobs',
    where: { 'input.purchaseId': { in: ids.map(String) }, completedAt: { exists: false } },
    overrideAccess: true,
  })
  return sent === ids.length && jobsLeft === 0
}

beforeAll(async () => {
  payload = await getTestPayload()
  proxy = startResendProxy(inject('mailCatcherUrl'))
  proxyUrl = await proxy.listen()
})

beforeEach(async () => {
  await clearWaitingJobs()
})

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()))
  await proxy.close()
  await clearScheduledSweeps()
})

describe('npm run worker (Payload jobs runner in worker processes)', () => {
  it('a worker killed inside the job: another worker runs it again and the receipt leaves once', async () => {
    const buyer = await createUser(['customer'])
    const product = await createProduct()
    const victim = await startWorker({ RESEND_BASE_URL: `${proxyUrl}/victim` })
    workers.push(victim)
    proxy.holdFirstSendOf('victim')
    const purchase = await createPurchase({ userId: buyer.id, product })

    await proxy.held // Resend accepted the receipt; the worker has not recorded it
    victim.child.kill('SIGKILL')
    await new Promise((resolve) => victim.child.once('exit', resolve))
    const stranded = await receiptJob(purchase.id)
    expect(stranded).toMatchObject({ processing: true })
    expect(stranded.completedAt ?? null).toBeNull()

    const rescuer = await startWorker({
      RESEND_BASE_URL: `${proxyUrl}/rescuer`,
      JOBS_STALLED_AFTER_SECONDS: '2',
    })
    workers.push(rescuer)
    await waitFor(() => receiptsSent([purchase.id]), 'the receipt is sent and its job done')

    const key = `purchase-receipt/${purchase.id}`
    // Sent by both workers, with one key: Resend (the catcher) keeps one email and returns its id.
    expect(proxy.sends.filter((send) => send.key === key).map((send) => send.worker)).toEqual([
      'victim',
      'rescuer',
    ])
    const emails = (await caughtMail()).filter((mail) => mail.idempotency_key === key)
    expect(emails).toHaveLength(1)
    const done = await payload.findByID({ collection: 'purchases', id: purchase.id, depth: 0 })
    expect(done.receipt?.resendId).toBe(emails[0].id)
    expect(rescuer.output()).toMatch(/Released 1 job\(s\) whose worker stopped/)
    await rescuer.stop()
  }, 90_000)

  it('web with autoRun off + two workers: every receipt is sent exactly once', async () => {
    const [first, second] = await Promise.all([
      startWorker({ RESEND_BASE_URL: `${proxyUrl}/first`, JOBS_WORKER_BATCH_SIZE: '1' }),
      startWorker({ RESEND_BASE_URL: `${proxyUrl}/second`, JOBS_WORKER_BATCH_SIZE: '1' }),
    ])
    workers.push(first, second)
    const buyer = await createUser(['customer'])
    const product = await createProduct()
    const purchases = await Promise.all(
      Array.from({ length: 16 }, () => createPurchase({ userId: buyer.id, product })),
    )
    const ids = purchases.map((purchase) => purchase.id)
    await waitFor(() => receiptsSent(ids), 'all 16 receipts are sent and their jobs done', 60_000)

    const mail = await caughtMail()
    for (const id of ids) {
      const emails = mail.filter((email) => email.idempotency_key === `purchase-receipt/${id}`)
      expect(emails, `receipt of purchase ${id}`).toHaveLength(1)
      expect(emails[0].to).toEqual([buyer.email])
    }
    const keys = new Set(ids.map((id) => `purchase-receipt/${id}`))
    const byWorker = (worker: string) =>
      proxy.sends.filter((send) => keys.has(send.key) && send.worker === worker).length
    // Both workers took part (one job per round each), and nothing in this process sent mail.
    expect(byWorker('first')).toBeGreaterThan(0)
    expect(byWorker('second')).toBeGreaterThan(0)
  }, 90_000)
})
