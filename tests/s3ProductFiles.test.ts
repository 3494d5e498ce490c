import type { Payload } from 'payload'

import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import type { Product, ProductFile } from '@/payload-types'

import { type RunningChild, startAppInstance } from './helpers/childProcesses'
import { getTestPayload } from './helpers/getTestPayload'
import { createPurchase } from './helpers/purchases'
import { type RunningS3rver, S3RVER_CREDENTIALS, startS3rver } from './helpers/s3rver'
import { createUser } from './helpers/users'

/**
 * s3rver does not enforce ACLs or check V4 signatures beyond their expiry, so what keeps the
 * bucket private is shown from the app's side: it never asks for a public ACL, the file URL it
 * stores is Payload's access-checked route, and a shopper gets a presigned URL only after every
 * check of the download endpoint, valid for seconds here.
 *
 * Product files in an S3-compatible bucket (s3rver, started here on a free port): two app
 * instances (tests/instances/serveRest.ts, each its own process with its own Payload) configured
 * by the S3_* variables, one streaming downloads through itself and one redirecting to presigned
 * URLs. Uploads, publishing and downloads go through their real REST handlers; purchases are
 * written to the shared database by this process.
 */
const BUCKET = 'product-files'
const PRESIGNED_SECONDS = 3

let payload: Payload
let s3rver: RunningS3rver
let s3: S3Client
let streaming: RunningChild & { url: string }
let redirecting: RunningChild & { url: string }
let editor: string
let sequence = 0

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function loginOn(instance: { url: string }, user: { email: string; password: string }) {
  const response = await fetch(`${instance.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

function call(instance: { url: string }, path: string, init: RequestInit & { token?: string }) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  return fetch(`${instance.url}/api${path}`, { ...init, headers, redirect: 'manual' })
}

async function upload(name: string, bytes: Buffer): Promise<ProductFile> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), name)
  form.append('_payload', '{}')
  const response = await call(streaming, '/product-files', {
    method: 'POST',
    body: form,
    token: editor,
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: ProductFile }).doc
}

async function publishWithFile(file: ProductFile): Promise<Product> {
  sequence += 1
  const response = await call(streaming, '/products', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    token: editor,
    body: JSON.stringify({
      title: `S3 product ${sequence}`,
      slug: `s3-product-${Date.now()}-${sequence}`,
      priceCents: 1500,
      currency: 'usd',
      file: file.id,
      _status: 'published',
    }),
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: Product }).doc
}

async function objectBytes(key: string): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

/** A product on S3 with `bytes` as its file, and a paid buyer of it signed in on both instances. */
async function boughtOnS3(bytes: Buffer, name = `s3-file-${Date.now()}.zip`) {
  const file = await upload(name, bytes)
  const product = await publishWithFile(file)
  const user = await createUser(['customer'])
  const purchase = await createPurchase({ userId: user.id, product })
  return { file, product, user, purchase, token: await loginOn(streaming, user) }
}

beforeAll(async () => {
  payload = await getTestPayload()
  s3rver = await startS3rver(BUCKET)
  s3 = new S3Client({
    endpoint: s3rver.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  })
  const env = {
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: s3rver.endpoint,
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  }
  ;[streaming, redirecting] = await Promise.all([
    startAppInstance({ ...env, S3_DELIVERY: 'stream' }),
    startAppInstance({
      ...env,
      S3_DELIVERY: 'redirect',
      S3_PRESIGNED_URL_SECONDS: String(PRESIGNED_SECONDS),
    }),
  ])
  editor = await loginOn(streaming, await createUser(['editor']))
}, 180_000)

afterAll(async () => {
  await Promise.all([streaming?.stop(), redirecting?.stop()])
  s3.destroy()
  await s3rver?.stop()
})

describe('Product files on S3', () => {
  it('an upload in the admin lands in the bucket, byte for byte, never with a public ACL', async () => {
    const bytes = randomBytes(300_000)
    const file = await upload(`upload-${Date.now()}.bin`, bytes)
    expect(sha256(await objectBytes(file.filename!))).toBe(sha256(bytes))
    // The temporary file the upload streamed to is gone (Payload only reads it for S3).
    const uploading = path.join(inject('productFilesDir'), '.uploading')
    expect(await fs.readdir(uploading).catch(() => [])).toEqual([])
    const puts = s3rver.requests.filter((request) => request.method === 'PUT')
    expect(puts.length).toBeGreaterThan(0)
    for (const put of puts) expect(put.headers['x-amz-acl'] ?? 'private').toBe('private')
  })

  it("is served by Payload's own file route to editors only, never as a bucket URL", async () => {
    const { file, token } = await boughtOnS3(randomBytes(1000))
    // The stored URL is the access-checked route, not the bucket's.
    expect(new URL(file.url!).pathname).toBe(`/api/product-files/file/${file.filename}`)
    const path = `/product-files/file/${file.filename}`
    expect((await call(streaming, path, {})).status).toBe(403)
    expect((await call(streaming, path, { token })).status).toBe(403)
    expect((await call(streaming, path, { token: editor })).status).toBe(200)
  })

  it('streams the same bytes through the download endpoint', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17)
    const { purchase, token } = await boughtOnS3(bytes)
    const response = await call(streaming, `/products/downloads/${purchase.id}`, { token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(bytes.length))
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=/)
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes))
  })

  it('passes a Range through to S3: 206 with Content-Range and exactly those bytes', async () => {
    const bytes = randomBytes(200_000)
    const { purchase, token } = await boughtOnS3(bytes)
    const response = await call(streaming, `/products/downloads/${purchase.id}`, {
      token,
      headers: { Range: 'bytes=1000-1999' },
    })
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`)
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true)

    const beyond = await call(streaming, `/products/downloads/${purchase.id}`, {
      token,
      headers: { Range: `bytes=${bytes.length}-` },
    })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`)
  })

  it('keeps every check of the download endpoint, on both deliveries', async () => {
    const { product, purchase, token } = await boughtOnS3(randomBytes(1000))
    const stranger = await loginOn(streaming, await createUser(['customer']))
    const pendingBuyer = await createUser(['customer'])
    const pending = await createPurchase({ userId: pendingBuyer.id, product, status: 'pending' })
    const pendingToken = await loginOn(streaming, pendingBuyer)
    for (const instance of [streaming, redirecting]) {
      const download = (id: number | string, bearer?: string) =>
        call(instance, `/products/downloads/${id}`, { token: bearer })
      expect((await download(purchase.id)).status).toBe(401)
      // IDOR: another shopper's purchase id, signed in.
      expect((await download(purchase.id, stranger)).status).toBe(403)
      expect((await download(pending.id, pendingToken)).status).toBe(403)
      expect((await download(2_000_000_000, token)).status).toBe(404)
      expect((await download('not-an-id', token)).status).toBe(404)
    }
  })

  it('answers 500 with a sentence when the object is gone from the bucket', async () => {
    const { file, purchase, token } = await boughtOnS3(randomBytes(1000))
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: file.filename! }))
    for (const instance of [streaming, redirecting]) {
      const response = await call(instance, `/products/downloads/${purchase.id}`, { token })
      expect(response.status).toBe(500)
      expect(((await response.json()) as { error: string }).error).toMatch(/missing on our side/)
    }
  })

  it("with delivery 'redirect': 302 to a presigned URL that serves the file as an attachment", async () => {
    const bytes = randomBytes(500_000)
    const { file, purchase, token } = await boughtOnS3(bytes, `report ${Date.now()}.pdf`)
    const response = await call(redirecting, `/products/downloads/${purchase.id}`, { token })
    expect(response.status).toBe(302)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const location = new URL(response.headers.get('location')!)
    expect(location.origin).toBe(s3rver.endpoint)
    expect(location.searchParams.get('X-Amz-Expires')).toBe(String(PRESIGNED_SECONDS))
    expect(location.searchParams.get('response-content-disposition')).toMatch(/^attachment;/)

    const fromBucket = await fetch(location)
    expect(fromBucket.status).toBe(200)
    expect(fromBucket.headers.get('content-disposition')).toBe(
      `attachment; filename="${file.filename}"`,
    )
    expect(sha256(Buffer.from(await fromBucket.arrayBuffer()))).toBe(sha256(bytes))

    const ranged = await fetch(location, { headers: { Range: 'bytes=10-19' } })
    expect(ranged.status).toBe(206)
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true)

    // Logged by the instance after it answered: wait for the row.
    await expect
      .poll(
        async () =>
          (
            await payload.find({
              collection: 'downloads',
              where: { purchase: { equals: purchase.id } },
              overrideAccess: true,
            })
          ).docs.map((entry) => [entry.outcome, entry.httpStatus]),
        { timeout: 10_000 },
      )
      .toEqual([['redirected', 302]])
  })

  it('the presigned URL stops working once it expires', async () => {
    const { purchase, token } = await boughtOnS3(randomBytes(1000))
    const response = await call(redirecting, `/products/downloads/${purchase.id}`, { token })
    const location = response.headers.get('location')!
    await new Promise((resolve) => setTimeout(resolve, (PRESIGNED_SECONDS + 1.5) * 1000))
    const expired = await fetch(location)
    expect(expired.status).toBe(403)
    expect(await expired.text()).toMatch(/expired/i)
  })
})
