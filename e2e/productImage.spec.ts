import { expect, test } from '@playwright/test'
import { deflateSync } from 'node:zlib'

/** A 96×54 solid PNG, built here so the test needs no binary fixture. */
function solidPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc32 = (data: Buffer) => {
    let c = 0xffffffff
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([length, typed, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array(width).fill([79, 70, 229]).flat()),
  ])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(height).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

test('an editor adds a picture to a product: its card and page show it through next/image', async ({
  page,
  request,
}) => {
  const login = await request.post('/api/users/login', {
    data: { email: 'editor@example.com', password: 'demo-editor-password' },
  })
  const { token } = (await login.json()) as { token: string }
  const auth = { Authorization: `JWT ${token}` }
  const alt = `Workflow Templates cards on a desk ${Date.now()}`
  const upload = await request.post('/api/media', {
    headers: auth,
    multipart: {
      file: { name: 'workflow-templates.png', mimeType: 'image/png', buffer: solidPng(96, 54) },
      _payload: JSON.stringify({ alt }),
    },
  })
  expect(upload.status()).toBe(201)
  const { doc: media } = (await upload.json()) as { doc: { id: number } }
  const found = await request.get('/api/products?where[slug][equals]=workflow-templates', {
    headers: auth,
  })
  const { docs } = (await found.json()) as { docs: Array<{ id: number }> }
  const update = await request.patch(`/api/products/${docs[0].id}`, {
    headers: auth,
    data: { image: media.id },
  })
  expect(update.status()).toBe(200)

  await expect
    .poll(async () => {
      await page.goto('/products')
      return page.getByRole('img', { name: alt }).count()
    })
    .toBe(1)
  const image = page.getByRole('img', { name: alt })
  await expect(image).toHaveAttribute('src', /^\/_next\/image\?url=%2Fapi%2Fmedia%2Ffile%2F/)
  const served = await request.get((await image.getAttribute('src'))!)
  expect(served.status()).toBe(200)
  expect(served.headers()['content-type']).toMatch(/^image\//)

  await page.goto('/products/workflow-templates')
  await expect(page.getByRole('img', { name: alt })).toBeVisible()
})
