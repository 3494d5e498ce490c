/**
 * `npm run bench -- download`: a 1 GiB product file through the real download endpoint of the
 * production build (`next start`, via src/dev/serveProduction.ts), against (a) a bare Node
 * server streaming the same file with the same 1 MiB reads and (b) nginx with sendfile, all on
 * loopback in the same run, one download at a time and 16 at once, several rounds. Prints the
 * throughput ratios, the app's peak RSS growth, and whether aborted downloads leave files open.
 *
 * Needs `npm run build` first. Ports (override by env): app 3200, bare Node 3201, nginx 3202,
 * Stripe emulator 12221, mail catcher 12222, embedded PostgreSQL 54332.
 */
import type { ChildProcess } from 'node:child_process'

import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import {
  handlesOn,
  pidListeningOn,
  rssOf,
  run,
  startGroup,
  stopGroup,
  waitForHttp,
} from './processes'

const env = (name: string, fallback: number) => Number(process.env[name] || fallback)
const APP_PORT = env('BENCH_APP_PORT', 3200)
const BARE_PORT = env('BENCH_BARE_PORT', 3201)
const NGINX_PORT = env('BENCH_NGINX_PORT', 3202)
const ROUNDS = env('BENCH_ROUNDS', 3)
const CONCURRENCY = 16
const ABORTED_DOWNLOADS = 1000
const MiB = 1024 ** 2
const FILE_BYTES = 1024 * MiB
const FILE_NAME = 'bench-1gib.bin'

type Target = { name: 'app' | 'bare node' | 'nginx'; url: string; headers: Record<string, string> }
type Mode = { label: string; concurrency: number }
const MODES: Mode[] = [
  { label: 'single', concurrency: 1 },
  { label: `${CONCURRENCY} concurrent`, concurrency: CONCURRENCY },
]

const children: ChildProcess[] = []
let filesDir = ''

async function cleanUp() {
  await Promise.all(children.map(stopGroup))
  if (filesDir) await fs.rm(filesDir, { recursive: true, force: true })
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)))

function nginxBinary(): string | null {
  return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => existsSync(candidate)) ?? null
}

/** Debian's nginx-light, installed on first use (the bench runs as root in CI and here). */
function ensureNginx(): string {
  const found = nginxBinary()
  if (found) return found
  console.log('nginx is not installed: apt-get install -y nginx-light …')
  try {
    run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx-light'])
  } catch {
    run('apt-get', ['update'])
    run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx-light'])
  }
  const installed = nginxBinary()
  if (!installed) throw new Error('apt-get installed nginx-light, but no nginx binary was found.')
  return installed
}

/** 1 GiB of incompressible bytes (one random MiB, repeated), written in 1 MiB blocks. */
async function writeBenchFile(file: string) {
  const block = randomBytes(MiB)
  const handle = await fs.open(file, 'w')
  for (let written = 0; written < FILE_BYTES; written += MiB) await handle.write(block)
  await handle.close()
}

async function api<T>(pathname: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  if (init.body) headers.set('Content-Type', 'application/json')
  const response = await fetch(`http://127.0.0.1:${APP_PORT}/api${pathname}`, { ...init, headers })
  const body = (await response.json()) as T
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

const loginAs = async (email: string, password: string) =>
  (
    await api<{ token: string }>('/users/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    })
  ).token

/**
 * The demo shop's money path, end to end: an editor publishes a product selling the bench file,
 * the demo customer pays for it on the Stripe emulator with 4242, the webhook fulfils it.
 * Returns the paid purchase's download URL and the customer's token.
 */
async function buyBenchFile(): Promise<{ url: string; token: string }> {
  const editor = await loginAs('editor@example.com', 'demo-editor-password')
  await api('/products', {
    method: 'POST',
    token: editor,
    body: JSON.stringify({
      title: 'Benchmark 1 GiB',
      slug: 'bench-1gib',
      priceCents: 4900,
      currency: 'usd',
      // No price id: publishing creates the product's own Stripe price (one price per product).
      assetFilename: FILE_NAME,
      _status: 'published',
    }),
  })
  const token = await loginAs('customer@example.com', 'demo-customer-password')
  const { url: checkoutUrl } = await api<{ url: string }>('/checkout', {
    method: 'POST',
    token,
    body: JSON.stringify({ productSlug: 'bench-1gib' }),
  })
  const paid = await fetch(checkoutUrl, {
    method: 'POST',
    body: new URLSearchParams({ method: 'card', card_number: '4242424242424242' }),
    redirect: 'manual',
  })
  if (paid.status !== 303) throw new Error(`The emulator did not take the payment: ${paid.status}`)
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const { docs } = await api<{ docs: Array<{ id: number; status: string }> }>(
      '/purchases?where[productSlug][equals]=bench-1gib&limit=1',
      { token },
    )
    if (docs[0]?.status === 'paid') {
      return { url: `http://127.0.0.1:${APP_PORT}/api/products/downloads/${docs[0].id}`, token }
    }
    await sleep(500)
  }
  throw new Error('The purchase was not fulfilled within 30 s.')
}

/** Downloads `target` `concurrency` times at once; returns the aggregate throughput in MiB/s. */
function measure(target: Target, concurrency: number): Promise<number> {
  const started = process.hrtime.bigint()
  const one = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(target.url, { headers: target.headers, agent: false }, (response) => {
          let bytes = 0
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length
          })
          response.on('end', () =>
            response.statusCode === 200 && bytes === FILE_BYTES
              ? resolve()
              : reject(new Error(`${target.name}: ${response.statusCode}, ${bytes} bytes`)),
          )
          response.on('error', reject)
        })
        .on('error', reject)
    })
  return Promise.all(Array.from({ length: concurrency }, one)).then(() => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    return (concurrency * FILE_BYTES) / MiB / seconds
  })
}

/** Samples a process's RSS every 20 ms until stopped; returns the peak. */
function sampleRss(pid: number) {
  let peak = 0
  let running = true
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rssOf(pid))
      await sleep(20)
    }
  })()
  return async () => {
    running = false
    await loop
    return peak
  }
}

/** Starts downloads and drops each after its first chunk, like clients going away mid-file. */
async function abortDownloads(target: Target, count: number) {
  for (let started = 0; started < count; started += 10) {
    await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<void>((resolve, reject) => {
            const request = http.get(target.url, { headers: target.headers, agent: false })
            request.on('response', (response) => {
              response.once('data', () => {
                request.destroy()
                resolve()
              })
            })
            request.on('error', (error) => (request.destroyed ? resolve() : reject(error)))
          }),
      ),
    )
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function machine(nginx: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  // nginx -v prints to stderr: "nginx version: nginx/1.26.3"
  const nginxVersion = spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim()
  return [
    `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM`,
    `${os.type()} ${os.release()}, Node ${process.version}, ${nginxVersion}`,
  ].join('\n')
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) {
    throw new Error(
      'No production build: run `npm run build` first (the bench measures next start).',
    )
  }
  const nginx = ensureNginx()
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'storefront-bench-'))
  const file = path.join(filesDir, FILE_NAME)
  console.log(`Writing the 1 GiB bench file to ${file} …`)
  await writeBenchFile(file)
  // The demo shop's products must find their files here too, or they could not be published.
  for (const demo of ['workflow-templates.zip', 'discovery-toolkit.zip']) {
    await fs.copyFile(path.join('private/products', demo), path.join(filesDir, demo))
  }

  console.log(`Starting the production build on ${APP_PORT} (npm run start:offline) …`)
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(APP_PORT),
    STRIPE_EMULATOR_PORT: process.env.STRIPE_EMULATOR_PORT || '12221',
    MAIL_CATCHER_PORT: process.env.MAIL_CATCHER_PORT || '12222',
    EMBEDDED_POSTGRES_PORT: process.env.EMBEDDED_POSTGRES_PORT || '54332',
    PRODUCT_FILES_DIR: filesDir,
  }
  delete appEnv.DATABASE_URL // a fresh embedded database, seeded, as start:offline does
  children.push(
    startGroup('npx', ['tsx', 'src/dev/serveProduction.ts'], { env: appEnv, log: 'app' }),
  )
  await waitForHttp(`http://127.0.0.1:${APP_PORT}/products`)
  const appPid = await pidListeningOn(APP_PORT)
  const purchase = await buyBenchFile()

  children.push(
    startGroup('npx', ['tsx', 'bench/bareServer.ts', String(BARE_PORT), file], { log: 'bare' }),
  )
  const nginxPrefix = path.join(filesDir, 'nginx')
  await fs.mkdir(path.join(nginxPrefix, 'logs'), { recursive: true })
  await fs.writeFile(
    path.join(nginxPrefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      'user root;',
      `pid ${nginxPrefix}/nginx.pid;`,
      `error_log ${nginxPrefix}/logs/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      '  sendfile on;',
      '  tcp_nopush on;',
      `  client_body_temp_path ${nginxPrefix}/body;`,
      `  proxy_temp_path ${nginxPrefix}/proxy;`,
      `  fastcgi_temp_path ${nginxPrefix}/fastcgi;`,
      `  uwsgi_temp_path ${nginxPrefix}/uwsgi;`,
      `  scgi_temp_path ${nginxPrefix}/scgi;`,
      `  server { listen 127.0.0.1:${NGINX_PORT}; root ${filesDir}; default_type application/octet-stream; }`,
      '}',
    ].join('\n'),
  )
  children.push(
    startGroup(
      nginx,
      ['-p', nginxPrefix, '-c', path.join(nginxPrefix, 'nginx.conf'), '-g', 'daemon off;'],
      {
        log: 'nginx',
      },
    ),
  )
  await waitForHttp(`http://127.0.0.1:${BARE_PORT}/`)
  await waitForHttp(`http://127.0.0.1:${NGINX_PORT}/${FILE_NAME}`)

  const targets: Target[] = [
    { name: 'app', url: purchase.url, headers: { Authorization: `JWT ${purchase.token}` } },
    { name: 'bare node', url: `http://127.0.0.1:${BARE_PORT}/`, headers: {} },
    { name: 'nginx', url: `http://127.0.0.1:${NGINX_PORT}/${FILE_NAME}`, headers: {} },
  ]
  console.log('Warming up (one download from each) …')
  for (const target of targets) await measure(target, 1)
  const baselineRss = await rssOf(appPid)

  const results = new Map<string, number[]>()
  const rssGrowth = new Map<string, number>()
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const mode of MODES) {
      // A different order each round, so no server always follows the same one.
      const order = targets.map((_, i) => targets[(i + round) % targets.length])
      const line: string[] = []
      for (const target of order) {
        const stopSampling = target.name === 'app' ? sampleRss(appPid) : null
        const throughput = await measure(target, mode.concurrency)
        if (stopSampling) {
          const growth = (await stopSampling()) - baselineRss
          rssGrowth.set(mode.label, Math.max(rssGrowth.get(mode.label) ?? 0, growth))
        }
        const key = `${mode.label}/${target.name}`
        results.set(key, [...(results.get(key) ?? []), throughput])
        line.push(`${target.name} ${throughput.toFixed(0)} MiB/s`)
      }
      console.log(`round ${round}, ${mode.label}: ${line.join(', ')}`)
    }
  }

  console.log(`\nAborting ${ABORTED_DOWNLOADS} downloads after their first chunk …`)
  await abortDownloads(targets[0], ABORTED_DOWNLOADS)
  const realFile = await fs.realpath(file)
  let openHandles = await handlesOn(appPid, realFile)
  for (let attempt = 0; attempt < 50 && openHandles > 0; attempt += 1) {
    await sleep(100)
    openHandles = await handlesOn(appPid, realFile)
  }

  const rows = MODES.map((mode) => {
    const get = (name: Target['name']) => median(results.get(`${mode.label}/${name}`)!)
    const app = get('app')
    const bare = get('bare node')
    const nginxThroughput = get('nginx')
    return {
      mode: mode.label,
      'app MiB/s': app.toFixed(0),
      'bare node MiB/s': bare.toFixed(0),
      'nginx MiB/s': nginxThroughput.toFixed(0),
      'app / bare node': `${(app / bare).toFixed(2)}× (target ≥ 0.90)`,
      'app / nginx': `${(app / nginxThroughput).toFixed(2)}× (target ≥ 0.45)`,
      'app peak RSS growth': `${((rssGrowth.get(mode.label) ?? 0) / MiB).toFixed(0)} MiB (target ≤ 64)`,
    }
  })
  console.log(`\nDownload benchmark: 1 GiB file, loopback, median of ${ROUNDS} rounds`)
  console.log(machine(nginx))
  console.table(rows)
  console.log(
    `Open handles on the file after ${ABORTED_DOWNLOADS} aborted downloads: ${openHandles} (target 0)`,
  )
}

try {
  await main()
} finally {
  await cleanUp()
}
process.exit(0)
