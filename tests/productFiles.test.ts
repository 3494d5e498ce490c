import type { Payload } from 'payload'

import { createHash, randomBytes } from 'node:crypto'
import { openAsBlob } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ValidationError } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Product, ProductFile } from '@/payload-types'

import { login, rest } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { createPurchase } from './helpers/purchases'
import { createUser } from './helpers/users'

/**
 * Product files managed in the admin: uploaded through Payload's REST API (what the admin's
 * upload field calls), stored in this run's private files folder, served to nobody but staff
 * by Payload and to buyers only through the download endpoint.
 */

let payload: Payload
let filesDir: string
let editorToken: string
let sequence = 0

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Uploads `bytes` as `name` (a new product file, or a new version of file `replacing`). */
async function upload(args: {
  name: string
  bytes?: Buffer
  blob?: Blob
  replacing?: number
  token?: string
}): Promise<Response> {
  const form = new FormData()
  form.append('file', args.blob ?? new Blob([new Uint8Array(args.bytes!)]), args.name)
  form.append('_payload', '{}')
  return rest(
    args.replacing ? 'PATCH' : 'POST',
    `/product-files${args.replacing ? `/${args.replacing}` : ''}`,
    {
      token: args.token ?? editorToken,
      multipart: form,
    },
  )
}

async function uploaded(name: string, bytes: Buffer): Promise<ProductFile> {
  const response = await upload({ name, bytes })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: ProductFile }).doc
}

/** An editor publishing a product whose file is `file`, through REST as the admin does. */
async function publishWithFile(file: ProductFile): Promise<Product> {
  sequence += 1
  const response = await rest('POST', '/products', {
    token: editorToken,
    body: {
      title: `Uploaded ${sequence}`,
      slug: `uploaded-${Date.now()}-${sequence}`,
      priceCents: 1500,
      currency: 'usd',
      file: file.id,
      _status: 'published',
    },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: Product }).doc
}

async function buyer() {
  const user = await createUser(['customer'])
  return { id: user.id, token: (await login(user.email, user.password)).token }
}

async function downloadedBytes(purchaseId: number, token: string): Promise<Buffer> {
  const response = await rest('GET', `/products/downloads/${purchaseId}`, { token })
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

beforeAll(async () => {
  payload = await getTestPayload()
  filesDir = process.env.PRODUCT_FILES_DIR!
  const editor = await createUser(['editor'])
  editorToken = (await login(editor.email, editor.password)).token
})

describe('uploading product files', () => {
  it('an editor uploads a file; it lands in the private files folder and the product sells it', async () => {
    const bytes = randomBytes(50_000)
    const file = await uploaded(`pack-${Date.now()}.zip`, bytes)
    expect(await fs.readFile(path.join(filesDir, file.filename!))).toEqual(bytes)

    const product = await publishWithFile(file)
    expect(product.assetFilename).toBe(file.filename)
    const owner = await buyer()
    const purchase = await createPurchase({
      userId: owner.id,
      product: { id: product.id, slug: product.slug },
    })
    expect(sha256(await downloadedBytes(purchase.id, owner.token))).toBe(sha256(bytes))
  })

  it('accepts any type of file, even ones Payload restricts by default (an installer)', async () => {
    const response = await upload({ name: `setup-${Date.now()}.exe`, bytes: randomBytes(1000) })
    expect(response.status).toBe(201)
  })

  it('a new version of the file is what the next download returns, for past buyers too', async () => {
    const name = `templates-${Date.now()}.zip`
    const first = randomBytes(40_000)
    const file = await uploaded(name, first)
    const product = await publishWithFile(file)
    const owner = await buyer()
    const purchase = await createPurchase({
      userId: owner.id,
      product: { id: product.id, slug: product.slug },
    })
    expect(sha256(await downloadedBytes(purchase.id, owner.token))).toBe(sha256(first))

    // The editor replaces the file on the same upload (Payload stores it under a new name).
    const second = randomBytes(41_000)
    const replaced = await upload({ name, bytes: second, replacing: file.id })
    expect(replaced.status, await replaced.clone().text()).toBe(200)
    const newName = ((await replaced.json()) as { doc: ProductFile }).doc.filename
    expect(sha256(await downloadedBytes(purchase.id, owner.token))).toBe(sha256(second))
    // The admin (which edits the latest version) shows the new name too.
    const latest = await payload.findByID({ collection: 'products', id: product.id, draft: true })
    expect(latest.assetFilename).toBe(newName)

    // ...or uploads a separate file and picks it on the product.
    const third = randomBytes(42_000)
    const other = await uploaded(`templates-v3-${Date.now()}.zip`, third)
    const picked = await rest('PATCH', `/products/${product.id}`, {
      token: editorToken,
      body: { file: other.id },
    })
    expect(picked.status, await picked.clone().text()).toBe(200)
    expect(sha256(await downloadedBytes(purchase.id, owner.token))).toBe(sha256(third))
  })

  it('a 100 MiB upload streams to disk through a temporary file, not into memory', async () => {
    const source = path.join(filesDir, `source-${Date.now()}.bin`)
    const chunk = randomBytes(1024 ** 2)
    const handle = await fs.open(source, 'w')
    for (let i = 0; i < 100; i += 1) await handle.write(chunk)
    await handle.close()
    // A Blob backed by the file on disk: the request body is read from disk as it is sent.
    const blob = await openAsBlob(source, { type: 'application/octet-stream' })

    let peak = process.memoryUsage().rss
    const baseline = peak
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 5)
    const response = await upload({ name: `large-${Date.now()}.bin`, blob })
    clearInterval(sampler)
    expect(response.status, await response.clone().text()).toBe(201)
    const { doc } = (await response.json()) as { doc: ProductFile }
    expect(doc.filesize).toBe(100 * 1024 ** 2)
    expect((await fs.stat(path.join(filesDir, doc.filename!))).size).toBe(100 * 1024 ** 2)
    // Buffering the upload (Payload's default) would add at least its 100 MiB.
    expect((peak - baseline) / 1024 ** 2).toBeLessThan(48)
    // The temporary file is gone once the upload is stored.
    expect(await fs.readdir(path.join(filesDir, '.uploading')).catch(() => [])).toEqual([])
  }, 60_000)
})

describe('publishing needs the file', () => {
  it('refuses to publish a product whose file is not in the folder, and says what to do', async () => {
    const error = await payload
      .create({
        collection: 'products',
        data: {
          title: 'No file yet',
          slug: `no-file-${Date.now()}`,
          priceCents: 1500,
          currency: 'usd',
          assetFilename: 'not-uploaded-yet.zip',
          _status: 'published',
        },
      })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).data.errors).toEqual([
      {
        label: 'File name',
        path: 'assetFilename',
        message: `There is no file "not-uploaded-yet.zip" in ${path.basename(filesDir)}. Upload the file above (or copy it into that folder) before publishing, or save as a draft.`,
      },
    ])
  })

  it('lets a draft name a file that is still to come', async () => {
    const draft = await payload.create({
      collection: 'products',
      data: {
        title: 'Draft without file',
        slug: `draft-no-file-${Date.now()}`,
        priceCents: 1500,
        currency: 'usd',
        assetFilename: 'coming-soon.zip',
        _status: 'draft',
      },
      draft: true,
    })
    expect(draft._status).toBe('draft')
  })

  it('refuses to delete a file that a product sells', async () => {
    const file = await uploaded(`sold-${Date.now()}.zip`, randomBytes(1000))
    const product = await publishWithFile(file)
    const response = await rest('DELETE', `/product-files/${file.id}`, { token: editorToken })
    expect(response.status).toBe(409)
    expect(JSON.stringify(await response.json())).toContain(
      `This file is what buyers of \\"${product.title}\\" download.`,
    )
    await fs.access(path.join(filesDir, file.filename!))
  })
})

describe('no URL serves product files but the download endpoint', () => {
  let file: ProductFile
  beforeAll(async () => {
    file = await uploaded(`private-${Date.now()}.zip`, randomBytes(2000))
  })

  it("Payload's file route refuses anonymous visitors and customers", async () => {
    const customer = await buyer()
    for (const token of [undefined, customer.token]) {
      const response = await rest('GET', `/product-files/file/${file.filename}`, { token })
      expect(response.status).toBe(403)
      expect((await response.arrayBuffer()).byteLength).toBeLessThan(500)
    }
  })

  it('customers cannot list, read or write product files through REST or GraphQL', async () => {
    const customer = await buyer()
    expect((await rest('GET', '/product-files', { token: customer.token })).status).toBe(403)
    expect((await rest('GET', `/product-files/${file.id}`, { token: customer.token })).status).toBe(
      403,
    )
    expect(
      (await upload({ name: 'x.zip', bytes: randomBytes(10), token: customer.token })).status,
    ).toBe(403)
  })

  it('a product read by anyone shows only the id of its file, never a URL to it', async () => {
    const product = await publishWithFile(file)
    const response = await rest('GET', `/products/${product.id}?depth=2`)
    const body = (await response.json()) as Product
    expect(body.file).toBe(file.id)
    expect(JSON.stringify(body)).not.toContain('/api/product-files/file/')
  })

  it('staff (editors, support) get the file from the admin', async () => {
    const support = await createUser(['support'])
    const { token } = await login(support.email, support.password)
    for (const staffToken of [editorToken, token]) {
      const response = await rest('GET', `/product-files/file/${file.filename}`, {
        token: staffToken,
      })
      expect(response.status).toBe(200)
      await response.arrayBuffer()
    }
  })
})
