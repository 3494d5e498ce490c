import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createStripeEmulator } from '../src/dev/stripeEmulator'

/**
 * The Stripe side of the shop bench, in the bench's own process so it can see what the shop
 * waits on: the emulator, a timing proxy in front of its API (the shop's Stripe calls go through
 * it, so a request's time can be split into the shop's own and Stripe's), and a switch in front
 * of the shop's webhook (off while the webhook bench pays its sessions: those events are then
 * delivered by the bench itself, at the rate it chooses).
 */
export type BenchStripe = {
  apiPort: number
  emulatorUrl: string
  /** Milliseconds spent waiting on the emulator since the last reset. */
  upstreamMs: () => number
  resetUpstream: () => void
  /** Whether the emulator's webhook deliveries reach the shop. */
  setForwarding: (on: boolean) => void
  close: () => Promise<void>
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function forward(target: URL, req: http.IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const outgoing = http.request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (response) => {
          void readBody(response).then(
            (bytes) =>
              resolve({
                status: response.statusCode ?? 502,
                headers: response.headers,
                body: bytes,
              }),
            reject,
          )
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    },
  )
}

export async function startBenchStripe(args: {
  webhookSecret: string
  shopWebhookUrl: string
}): Promise<BenchStripe> {
  let forwarding = true
  const webhookSwitch = http.createServer((req, res) => {
    void readBody(req).then(async (body) => {
      if (!forwarding) return void res.writeHead(200).end('{"received":true}')
      const answer = await forward(new URL(args.shopWebhookUrl), req, body).catch(() => null)
      res.writeHead(answer?.status ?? 502).end(answer?.body)
    })
  })
  const switchPort = await listen(webhookSwitch)

  const emulator = await createStripeEmulator({
    port: 0,
    webhookSecret: args.webhookSecret,
    webhookUrl: `http://127.0.0.1:${switchPort}/`,
    log: () => undefined,
  })
  const emulatorUrl = `http://127.0.0.1:${emulator.port}`

  let upstream = 0
  const proxy = http.createServer((req, res) => {
    void readBody(req).then(async (body) => {
      const started = performance.now()
      const answer = await forward(new URL(req.url ?? '/', emulatorUrl), req, body)
      upstream += performance.now() - started
      const headers = { ...answer.headers }
      delete headers['transfer-encoding']
      res.writeHead(answer.status, headers).end(answer.body)
    })
  })
  const apiPort = await listen(proxy)

  return {
    apiPort,
    emulatorUrl,
    upstreamMs: () => upstream,
    resetUpstream: () => {
      upstream = 0
    },
    setForwarding: (on) => {
      forwarding = on
    },
    close: async () => {
      proxy.closeAllConnections()
      webhookSwitch.closeAllConnections()
      await Promise.all([
        new Promise((resolve) => proxy.close(resolve)),
        new Promise((resolve) => webhookSwitch.close(resolve)),
        emulator.close(),
      ])
    },
  }
}
