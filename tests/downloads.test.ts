import type { Payload } from 'payload'

import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Download, Purchase } from '@/payload-types'

import { findOwnPurchase } from '@/app/(frontend)/_data/findOwnPurchase'

import { gql, login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { createProduct } from './helpers/products'
import { createPurchase } from './helpers/purchases'
import { createUser } from './helpers/users'

/**
 * GET|HEAD /api/products/downloads/:purchaseId, through the app's real REST handler, against
 * real files in this run's product files folder (tests/setup/globalSetup.ts).
 */

let payload: Payload
let filesDir: string
let sequence = 0

type Shopper = { id: number; email: string; token: string }

async function shopper(role: 'customer' | 'support' | 'admin' = 'customer'): Promise<Shopper> {
  const user = await createUser([role])
  const { token } = await login(user.email, user.password)
  return { id: user.id, email: user.email, token }
}

/** Writes a product file with `bytes` (random by default) and returns its name and content. */
async function productFile(name?: string, bytes: Buffer = randomBytes(300_000)) {
  sequence += 1
  const fileName = name ?? `download-${Date.now()}-${sequence}.zip`
  await fs.writeFile(path.join(filesDir, fileName), bytes)
  return { fileName, bytes }
}

/** A published product selling a fresh file, and a purchase of it by `owner` (paid by default). */
async function purchaseOf(
  owner: Shopper,
  {
    status = 'paid',
    name,
    bytes,
  }: { status?: Purchase['status']; name?: string; bytes?: Buffer } = {},
) {
  const file = await productFile(name, bytes)
  const product = await createProduct({ assetFilename: file.fileName })
  const purchase = await createPurchase({ userId: owner.id, product, status })
  return { ...file, product, purchase }
}

const download = (
  purchaseId: number | string,
  options: { token?: string; headers?: Record<string, string>; method?: 'GET' | 'HEAD' } = {},
) =>
  rest(options.method ?? 'GET', `/products/downloads/${purchaseId}`, {
    token: options.token,
    headers: options.headers,
  })

const bodyBytes = async (response: Response) => Buffer.from(await response.arrayBuffer())
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error

/** The downloads log rows of a purchase, waiting for `count` of them: they are written after the stream ends. */
async function logRows(purchaseId: number, count = 1): Promise<Download[]> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { docs } = await payload.find({
      collection: 'downloads',
      where: { purchase: { equals: purchaseId } },
      sort: 'startedAt',
      depth: 0,
      pagination: false,
    })
    if (docs.length >= count) return docs
    await sleep(50)
  }
  throw new Error(`expected ${count} downloads log rows for purchase ${purchaseId}`)
}

beforeAll(async () => {
  payload = await getTestPayload()
  filesDir = process.env.PRODUCT_FILES_DIR!
})

describe('who may download', () => {
  it('401 with a sign-in link for an anonymous visitor', async () => {
    const owner = await shopper()
    const { purchase } = await purchaseOf(owner)
    const response = await download(purchase.id)
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'Sign in to download your purchase.',
      loginUrl: `/login?callbackUrl=${encodeURIComponent(`/products/account/purchases/${purchase.id}`)}`,
    })
  })

  it('404 for an unknown purchase id', async () => {
    const { token } = await shopper()
    const response = await download(2_000_000_000, { token })
    expect(response.status).toBe(404)
    expect(await errorOf(response)).toBe(
      'There is no purchase "2000000000". Open your account page and use the Download button there.',
    )
  })

  it.each([
    ['abc'],
    ['1.5'],
    ['-1'],
    ['0'],
    ['0x10'],
    ['1e3'],
    ['99999999999999999999'],
    ['2147483648'],
    ["1'--"],
    ['%20'],
  ])('404 (never 500) for the malformed id %j', async (id) => {
    const { token } = await shopper()
    const response = await download(id, { token })
    expect(response.status).toBe(404)
  })

  it("403 for another shopper's purchase", async () => {
    const owner = await shopper()
    const stranger = await shopper()
    const { purchase } = await purchaseOf(owner)
    const response = await download(purchase.id, { token: stranger.token })
    expect(response.status).toBe(403)
    expect(await errorOf(response)).toBe(
      'This purchase belongs to another account. Sign in with the account that bought it.',
    )
  })

  it.each([
    ['pending', 'Your payment is still being processed'],
    ['failed', 'The payment for this purchase failed'],
    ['refunded', 'This purchase was refunded'],
    ['disputed', 'The payment for this purchase is disputed'],
    ['revoked', 'Access to this purchase was withdrawn'],
  ] as const)('403 for a %s purchase, saying why', async (status, reason) => {
    const owner = await shopper()
    const { purchase } = await purchaseOf(owner, { status })
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(403)
    expect(await errorOf(response)).toContain(reason)
  })

  it('checks the status at every request: a purchase refunded after a download is refused next time', async () => {
    const owner = await shopper()
    const { purchase } = await purchaseOf(owner)
    expect((await download(purchase.id, { token: owner.token })).status).toBe(200)
    await payload.update({
      collection: 'purchases',
      id: purchase.id,
      data: { status: 'refunded' },
      overrideAccess: true,
    })
    expect((await download(purchase.id, { token: owner.token })).status).toBe(403)
  })

  it('410 when the product was deleted', async () => {
    const owner = await shopper()
    const { purchase, product } = await purchaseOf(owner)
    await payload.delete({ collection: 'products', id: product.id })
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(410)
    expect(await errorOf(response)).toMatch(/has been removed from the shop/)
  })

  it('400 when the stored file name escapes the files folder (however it got there)', async () => {
    const owner = await shopper()
    const { purchase, product } = await purchaseOf(owner)
    // Written past validation, as a bad migration or a direct SQL edit could.
    await payload.db.updateOne({
      collection: 'products',
      id: product.id,
      data: { assetFilename: '../../../../etc/passwd' },
    })
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toMatch(/not a plain name inside the product files folder/)
  })

  it('400 for a symlink in the files folder that leads out of it', async () => {
    const owner = await shopper()
    const { purchase, product } = await purchaseOf(owner)
    const link = `link-${Date.now()}.zip`
    await fs.symlink('/etc/hostname', path.join(filesDir, link))
    await payload.db.updateOne({
      collection: 'products',
      id: product.id,
      data: { assetFilename: link },
    })
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(400)
  })

  it('500 with a sentence when the file is missing from disk', async () => {
    const owner = await shopper()
    const { purchase, fileName } = await purchaseOf(owner)
    await fs.rm(path.join(filesDir, fileName))
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(500)
    expect(await errorOf(response)).toBe(
      'The file for this purchase is missing on our side. Please try again later; if it keeps failing, reply to your receipt email.',
    )
  })
})

describe('what a download sends', () => {
  it('200: the exact bytes and headers', async () => {
    const owner = await shopper()
    const { purchase, bytes, fileName } = await purchaseOf(owner)
    const stats = await fs.stat(path.join(filesDir, fileName))
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/zip',
      // A plain name is a valid token: no quotes needed (RFC 6266).
      'content-disposition': `attachment; filename=${fileName}`,
      'content-length': String(bytes.length),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      'last-modified': stats.mtime.toUTCString(),
    })
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-z-]+"$/)
    expect((await bodyBytes(response)).equals(bytes)).toBe(true)
  })

  it('names the file safely: quotes, semicolons and non-ASCII (RFC 6266 filename*)', async () => {
    // CR/LF and other control characters never reach a header: file names with them are
    // refused when the product is saved (attack A54).
    const owner = await shopper()
    const name = 'Résumé "final"; v2 ✓.zip'
    const { purchase } = await purchaseOf(owner, { name })
    const response = await download(purchase.id, { token: owner.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="R?sum? \\"final\\"; v2 ?.zip"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%3B%20v2%20%E2%9C%93.zip`,
    )
  })

  it('a type from the file name: a PDF is application/pdf, an unknown one application/octet-stream', async () => {
    const owner = await shopper()
    const pdf = await purchaseOf(owner, { name: `guide-${Date.now()}.pdf` })
    const odd = await purchaseOf(owner, { name: `data-${Date.now()}.unknownext` })
    const pdfResponse = await download(pdf.purchase.id, { token: owner.token })
    const oddResponse = await download(odd.purchase.id, { token: owner.token })
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf')
    expect(oddResponse.headers.get('content-type')).toBe('application/octet-stream')
    await Promise.all([pdfResponse.body?.cancel(), oddResponse.body?.cancel()])
  })

  it('HEAD: the same headers, no body, and no log row (nothing was sent)', async () => {
    const owner = await shopper()
    const { purchase, bytes } = await purchaseOf(owner)
    const get = await download(purchase.id, { token: owner.token })
    await get.arrayBuffer()
    const head = await download(purchase.id, { token: owner.token, method: 'HEAD' })
    expect(head.status).toBe(200)
    const headers = (response: Response) => {
      const all = Object.fromEntries(response.headers)
      delete all.date
      return all
    }
    expect(headers(head)).toEqual(headers(get))
    expect(head.headers.get('content-length')).toBe(String(bytes.length))
    expect((await bodyBytes(head)).length).toBe(0)
    await sleep(300)
    expect(await logRows(purchase.id)).toHaveLength(1)
  })

  it('Range: 206 with Content-Range and exactly those bytes', async () => {
    const owner = await shopper()
    const { purchase, bytes } = await purchaseOf(owner)
    const response = await download(purchase.id, {
      token: owner.token,
      headers: { Range: 'bytes=1000-1999' },
    })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`)
    expect(response.headers.get('content-length')).toBe('1000')
    expect((await bodyBytes(response)).equals(bytes.subarray(1000, 2000))).toBe(true)
  })

  it('a suffix range (the last N bytes) and an open range (from N to the end), as curl -C - sends', async () => {
    const owner = await shopper()
    const { purchase, bytes } = await purchaseOf(owner)
    const size = bytes.length
    const suffix = await download(purchase.id, {
      token: owner.token,
      headers: { Range: 'bytes=-500' },
    })
    expect(suffix.status).toBe(206)
    expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 500}-${size - 1}/${size}`)
    expect((await bodyBytes(suffix)).equals(bytes.subarray(size - 500))).toBe(true)

    const open = await download(purchase.id, {
      token: owner.token,
      headers: { Range: 'bytes=123456-' },
    })
    expect(open.status).toBe(206)
    expect(open.headers.get('content-range')).toBe(`bytes 123456-${size - 1}/${size}`)
    expect((await bodyBytes(open)).equals(bytes.subarray(123456))).toBe(true)
  })

  it('416 with Content-Range: bytes */size for a range past the end', async () => {
    const owner = await shopper()
    const { purchase, bytes } = await purchaseOf(owner)
    const response = await download(purchase.id, {
      token: owner.token,
      headers: { Range: `bytes=${bytes.length}-` },
    })
    expect(response.status).toBe(416)
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`)
    expect(await errorOf(response)).toMatch(/outside the file, which is 300000 bytes long/)
  })

  it('If-Range with a stale ETag or date sends the whole file (200); a current one the range (206)', async () => {
    const owner = await shopper()
    const { purchase, bytes } = await purchaseOf(owner)
    const first = await download(purchase.id, { token: owner.token })
    await first.arrayBuffer()
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    const withIfRange = (ifRange: string) =>
      download(purchase.id, {
        token: owner.token,
        headers: { Range: 'bytes=100-199', 'If-Range': ifRange },
      })

    const stale = await withIfRange('"some-older-version"')
    expect(stale.status).toBe(200)
    expect((await bodyBytes(stale)).equals(bytes)).toBe(true)
    const weak = await withIfRange(`W/${etag}`)
    expect(weak.status).toBe(200)
    await weak.arrayBuffer()
    const staleDate = await withIfRange('Mon, 01 Jan 2001 00:00:00 GMT')
    expect(staleDate.status).toBe(200)
    await staleDate.arrayBuffer()

    const current = await withIfRange(etag)
    expect(current.status).toBe(206)
    expect((await bodyBytes(current)).equals(bytes.subarray(100, 200))).toBe(true)
    const currentDate = await withIfRange(lastModified)
    expect(currentDate.status).toBe(206)
    await currentDate.arrayBuffer()
  })

  it('several ranges, a malformed Range and another unit all get the whole file (200)', async () => {
    const owner = await shopper()
    const { purchase, bytes } = await purchaseOf(owner)
    for (const range of ['bytes=0-9,100-109', 'bytes=abc', 'items=0-5']) {
      const response = await download(purchase.id, {
        token: owner.token,
        headers: { Range: range },
      })
      expect(response.status, range).toBe(200)
      expect((await bodyBytes(response)).length, range).toBe(bytes.length)
    }
  })

  it('streams a 100 MiB file without holding it in memory', async () => {
    const owner = await shopper()
    const big = Buffer.alloc(100 * 1024 ** 2)
    for (let offset = 0; offset < big.length; offset += 1024 ** 2) {
      randomBytes(1024).copy(big, offset)
    }
    const expectedHash = createHash('sha256').update(big).digest('hex')
    const { purchase } = await purchaseOf(owner, { name: `big-${Date.now()}.bin`, bytes: big })

    const baseline = process.memoryUsage().rss
    let peak = baseline
    const hash = createHash('sha256')
    let received = 0
    const response = await download(purchase.id, { token: owner.token })
    expect(response.headers.get('content-length')).toBe(String(100 * 1024 ** 2))
    const reader = response.body!.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      hash.update(chunk.value)
      received += chunk.value.byteLength
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    expect(received).toBe(100 * 1024 ** 2)
    expect(hash.digest('hex')).toBe(expectedHash)
    // Reading the file whole would add at least its 100 MiB.
    expect((peak - baseline) / 1024 ** 2).toBeLessThan(48)
  })
})

describe('the downloads log', () => {
  it('one row per download: who, which range, how many bytes, completed, from where', async () => {
    const owner = await shopper()
    const { purchase, bytes, fileName } = await purchaseOf(owner)
    const whole = await download(purchase.id, {
      token: owner.token,
      headers: { 'User-Agent': 'curl/8.5.0', 'X-Forwarded-For': '203.0.113.7' },
    })
    await whole.arrayBuffer()
    const [row] = await logRows(purchase.id)
    expect(row).toMatchObject({
      purchase: purchase.id,
      user: owner.id,
      fileName,
      httpStatus: 200,
      range: null,
      bytesSent: bytes.length,
      outcome: 'completed',
      ip: '203.0.113.7',
      userAgent: 'curl/8.5.0',
    })
    expect(new Date(row.finishedAt!).getTime()).toBeGreaterThanOrEqual(
      new Date(row.startedAt).getTime(),
    )

    const resumed = await download(purchase.id, {
      token: owner.token,
      headers: { Range: 'bytes=200000-' },
    })
    await resumed.arrayBuffer()
    const rows = await logRows(purchase.id, 2)
    expect(rows[1]).toMatchObject({
      httpStatus: 206,
      range: 'bytes=200000-',
      bytesSent: bytes.length - 200000,
      outcome: 'completed',
    })
  })

  it('a download the client abandons is logged as aborted, with the bytes it got', async () => {
    const owner = await shopper()
    const { purchase } = await purchaseOf(owner, { bytes: randomBytes(5 * 1024 ** 2) })

    const response = await download(purchase.id, { token: owner.token })
    const reader = response.body!.getReader()
    const first = await reader.read()
    await reader.cancel()
    const [row] = await logRows(purchase.id)
    expect(row.outcome).toBe('aborted')
    expect(row.bytesSent).toBe(first.value!.byteLength)
    expect(row.bytesSent).toBe(1024 ** 2)
  })

  it('a file that shrinks mid-download fails the response instead of ending it short, and is logged aborted', async () => {
    const owner = await shopper()
    const { purchase, fileName } = await purchaseOf(owner, { bytes: randomBytes(3 * 1024 ** 2) })
    const response = await download(purchase.id, { token: owner.token })
    expect(response.headers.get('content-length')).toBe(String(3 * 1024 ** 2))
    const reader = response.body!.getReader()
    await reader.read()
    await fs.truncate(path.join(filesDir, fileName), 1024 ** 2)
    const rest = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
    })()
    await expect(rest).rejects.toThrow(/ended at byte 1048576/)
    const [row] = await logRows(purchase.id)
    expect(row).toMatchObject({ outcome: 'aborted', bytesSent: 1024 ** 2 })
  })

  it('releases the file at once when the client goes away: no handle left after 1000 aborted downloads', async () => {
    const owner = await shopper()
    // Larger than what the stream reads ahead, so an abandoned download leaves the file open
    // unless the cancel reaches it.
    const { purchase, fileName } = await purchaseOf(owner, { bytes: randomBytes(16 * 1024 ** 2) })
    const filePath = await fs.realpath(path.join(filesDir, fileName))
    const handlesOnFile = async () => {
      let count = 0
      for (const fd of await fs.readdir('/proc/self/fd')) {
        const target = await fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')
        if (target === filePath) count += 1
      }
      return count
    }
    for (let round = 0; round < 100; round += 1) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const reader = (await download(purchase.id, { token: owner.token })).body!.getReader()
          await reader.read()
          await reader.cancel()
        }),
      )
    }
    // fs closes a descriptor asynchronously after destroy(); give it a moment, not a deadline.
    for (let attempt = 0; attempt < 50 && (await handlesOnFile()) > 0; attempt += 1) {
      await sleep(20)
    }
    expect(await handlesOnFile()).toBe(0)
    await logRows(purchase.id, 1000)
  }, 120_000)
})

describe('nobody else sees a purchase or its downloads', () => {
  let owner: Shopper
  let stranger: Shopper
  let support: Shopper
  let purchase: Purchase

  beforeAll(async () => {
    owner = await shopper()
    stranger = await shopper()
    support = await shopper('support')
    ;({ purchase } = await purchaseOf(owner))
    await (await download(purchase.id, { token: owner.token })).arrayBuffer()
    await logRows(purchase.id)
  })

  it('REST: another customer gets 404 for the purchase and 403 for the downloads log', async () => {
    expect((await rest('GET', `/purchases/${purchase.id}`, { token: stranger.token })).status).toBe(
      404,
    )
    const [row] = await logRows(purchase.id)
    for (const token of [stranger.token, owner.token, undefined]) {
      expect((await rest('GET', '/downloads', { token })).status).toBe(403)
      expect((await rest('GET', `/downloads/${row.id}`, { token })).status).toBe(403)
      expect(
        (await rest('GET', `/downloads?where[purchase][equals]=${purchase.id}`, { token })).status,
      ).toBe(403)
    }
  })

  it("REST: the shopper's own purchase carries no downloads log; support sees it", async () => {
    const own = (await (
      await rest('GET', `/purchases/${purchase.id}`, { token: owner.token })
    ).json()) as {
      downloads?: { docs?: unknown[] }
    }
    expect(own.downloads?.docs ?? []).toEqual([])
    const staff = (await (
      await rest('GET', `/purchases/${purchase.id}`, { token: support.token })
    ).json()) as {
      downloads: { docs: Array<{ id: number }> }
    }
    expect(staff.downloads.docs).toHaveLength(1)
    expect((await rest('GET', '/downloads', { token: support.token })).status).toBe(200)
  })

  it('GraphQL: another customer reads neither; the owner reads the purchase without its log', async () => {
    const query = `{ Purchase(id: ${purchase.id}) { id downloads { docs { id } } } }`
    const asStranger = await gql<{ Purchase: null | { id: number } }>(
      query,
      {},
      { token: stranger.token },
    )
    expect(asStranger.data?.Purchase ?? null).toBeNull()
    const logAsStranger = await gql('{ Downloads { docs { id } } }', {}, { token: stranger.token })
    expect(logAsStranger.errors?.[0].message).toMatch(/not allowed/i)

    const asOwner = await gql<{ Purchase: { id: number; downloads: null | { docs: unknown[] } } }>(
      query,
      {},
      { token: owner.token },
    )
    expect(asOwner.data?.Purchase.id).toBe(purchase.id)
    expect(asOwner.data?.Purchase.downloads?.docs ?? []).toEqual([])
    const logAsOwner = await gql('{ Downloads { docs { id } } }', {}, { token: owner.token })
    expect(logAsOwner.errors?.[0].message).toMatch(/not allowed/i)
  })

  it('nobody writes the log through REST or GraphQL, not even an admin', async () => {
    const admin = await shopper('admin')
    const [row] = await logRows(purchase.id)
    const forgedRow = {
      purchase: purchase.id,
      user: owner.id,
      fileName: 'x.zip',
      outcome: 'completed',
      bytesSent: 1,
      httpStatus: 200,
      startedAt: new Date().toISOString(),
    }
    for (const token of [admin.token, owner.token]) {
      expect((await rest('POST', '/downloads', { token, body: forgedRow })).status).toBe(403)
      expect(
        (await rest('PATCH', `/downloads/${row.id}`, { token, body: { bytesSent: 0 } })).status,
      ).toBe(403)
      expect((await rest('DELETE', `/downloads/${row.id}`, { token })).status).toBe(403)
      const forged = await gql(`mutation { deleteDownload(id: ${row.id}) { id } }`, {}, { token })
      expect(forged.errors?.[0].message).toMatch(/not allowed/i)
    }
    expect(await logRows(purchase.id)).toHaveLength(1)
  })

  it("pages: the purchase page's lookup finds the owner's purchase and nobody else's (staff included)", async () => {
    const asUser = async (who: Shopper) =>
      findOwnPurchase(
        (await payload.findByID({ collection: 'users', id: who.id }))!,
        String(purchase.id),
      )
    expect((await asUser(owner))?.id).toBe(purchase.id)
    expect(await asUser(stranger)).toBeNull()
    expect(await asUser(support)).toBeNull()
  })
})
