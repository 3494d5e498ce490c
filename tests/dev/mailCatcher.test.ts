import { randomUUID } from 'node:crypto'
import { Resend, type CreateEmailOptions } from 'resend'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createMailCatcher, type MailCatcher } from '@/dev/mailCatcher'

import { catcherTranscript } from '../helpers/mailCatcher'

/**
 * The offline mail catcher, driven by the real `resend` SDK exactly as the shop drives it:
 * RESEND_BASE_URL set before the client is constructed (the SDK reads it in its constructor).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let catcher: MailCatcher
let resend: Resend

/**
 * A real SDK client for `baseUrl`. The env var is set only while constructing: with
 * `isolate: false` every test file shares process.env, and no other file should reach the catcher
 * by accident.
 */
function resendClient(baseUrl: string, apiKey = 're_test_123'): Resend {
  const previous = process.env.RESEND_BASE_URL
  process.env.RESEND_BASE_URL = baseUrl
  try {
    return new Resend(apiKey)
  } finally {
    if (previous === undefined) delete process.env.RESEND_BASE_URL
    else process.env.RESEND_BASE_URL = previous
  }
}

function receipt(overrides: Partial<CreateEmailOptions> = {}): CreateEmailOptions {
  return {
    from: 'Payload Storefront <shop@example.com>',
    to: 'buyer@example.com',
    subject: 'Your receipt for The Field Guide',
    html: '<h1>Thanks!</h1><p>Download: <a href="http://localhost:3000/products/account">account</a></p>',
    text: 'Thanks! Download from http://localhost:3000/products/account',
    replyTo: 'support@example.com',
    tags: [{ name: 'kind', value: 'receipt' }],
    headers: { 'X-Entity-Ref-ID': 'purchase-42' },
    ...overrides,
  } as CreateEmailOptions
}

/** A payload the SDK's types forbid but a JavaScript caller or a bug can still send. */
function unchecked(payload: Record<string, unknown>): CreateEmailOptions {
  return payload as unknown as CreateEmailOptions
}

async function getText(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(`${catcher.url}${path}`)
  return { status: response.status, body: await response.text(), headers: response.headers }
}

beforeAll(async () => {
  catcher = await createMailCatcher({
    port: 0,
    verifiedDomains: ['example.com'],
    transcript: catcherTranscript('mailCatcher.test'),
  })
  resend = resendClient(catcher.url)
})

afterAll(async () => {
  await catcher.close()
})

beforeEach(() => {
  catcher.clear()
})

describe('mail catcher: sending through the real resend SDK', () => {
  it('accepts a send, answers { data: { id }, error: null } and keeps both parts', async () => {
    const result = await resend.emails.send(receipt())

    expect(result.error).toBeNull()
    expect(result.data).toEqual({ id: expect.stringMatching(UUID) })
    const id = result.data?.id
    expect(catcher.messages()).toEqual([
      {
        id,
        from: 'Payload Storefront <shop@example.com>',
        to: ['buyer@example.com'],
        cc: [],
        bcc: [],
        reply_to: ['support@example.com'],
        subject: 'Your receipt for The Field Guide',
        html: '<h1>Thanks!</h1><p>Download: <a href="http://localhost:3000/products/account">account</a></p>',
        text: 'Thanks! Download from http://localhost:3000/products/account',
        headers: { 'X-Entity-Ref-ID': 'purchase-42' },
        tags: [{ name: 'kind', value: 'receipt' }],
        attachments: [],
        scheduled_at: null,
        template: null,
        created_at: expect.any(String),
        idempotency_key: null,
      },
    ])

    const listed = await (await fetch(`${catcher.url}/_catcher/messages`)).json()
    expect(listed).toEqual(catcher.messages())
  })

  it('retrieves a sent email through emails.get, and answers not_found for an unknown id', async () => {
    const sent = await resend.emails.send(receipt())
    const id = sent.data?.id ?? ''

    const found = await resend.emails.get(id)
    expect(found.error).toBeNull()
    expect(found.data).toMatchObject({
      object: 'email',
      id,
      to: ['buyer@example.com'],
      subject: 'Your receipt for The Field Guide',
      last_event: 'delivered',
    })

    const missing = await resend.emails.get(randomUUID())
    expect(missing).toMatchObject({ data: null, error: { statusCode: 404, name: 'not_found' } })
  })

  it('lists mail newest first, on the JSON list and on the inbox page', async () => {
    await resend.emails.send(receipt({ subject: 'First' }))
    await resend.emails.send(receipt({ subject: 'Second' }))

    expect(catcher.messages().map((message) => message.subject)).toEqual(['Second', 'First'])
    const inbox = await getText('/')
    expect(inbox.body.indexOf('Second')).toBeLessThan(inbox.body.indexOf('First'))
  })

  it('works with a trailing slash on RESEND_BASE_URL', async () => {
    const result = await resendClient(`${catcher.url}/`).emails.send(receipt())
    expect(result.error).toBeNull()
    expect(catcher.messages()).toHaveLength(1)
  })

  it('forgets mail on DELETE /_catcher/messages', async () => {
    await resend.emails.send(receipt())
    const response = await fetch(`${catcher.url}/_catcher/messages`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    expect(catcher.messages()).toEqual([])
  })
})

describe('mail catcher: idempotency keys', () => {
  it('answers a repeated key and payload with the original id and stores one email', async () => {
    const first = await resend.emails.send(receipt(), { idempotencyKey: 'purchase-receipt/42' })
    const second = await resend.emails.send(receipt(), { idempotencyKey: 'purchase-receipt/42' })

    expect(first.error).toBeNull()
    expect(second).toMatchObject({ data: { id: first.data?.id }, error: null })
    expect(catcher.messages()).toHaveLength(1)
    expect(catcher.messages()[0]).toMatchObject({
      id: first.data?.id,
      idempotency_key: 'purchase-receipt/42',
    })
  })

  it('stores one email for 10 concurrent sends with one key, and gives all of them its id', async () => {
    // A fresh catcher and client: no warm keep-alive connection lets one request finish before
    // the others arrive, so the 10 really overlap inside the catcher.
    const fresh = await createMailCatcher({ port: 0 })
    try {
      const client = resendClient(fresh.url)
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          client.emails.send(receipt(), { idempotencyKey: 'purchase-receipt/43' }),
        ),
      )

      expect(results.map((result) => result.error)).toEqual(Array(10).fill(null))
      const ids = new Set(results.map((result) => result.data?.id))
      expect(ids.size).toBe(1)
      expect(fresh.messages().map((message) => message.id)).toEqual([...ids])
    } finally {
      await fresh.close()
    }
  })

  it('refuses a reused key with a different payload: 409 invalid_idempotent_request as { error }', async () => {
    await resend.emails.send(receipt(), { idempotencyKey: 'purchase-receipt/44' })
    const reused = await resend.emails.send(receipt({ subject: 'Something else' }), {
      idempotencyKey: 'purchase-receipt/44',
    })

    expect(reused).toMatchObject({
      data: null,
      error: { statusCode: 409, name: 'invalid_idempotent_request' },
    })
    expect(catcher.messages()).toHaveLength(1)
  })

  it('keeps a key for 24 hours, then treats it as new', async () => {
    let now = new Date('2025-06-01T12:00:00.000Z')
    const clocked = await createMailCatcher({ port: 0, now: () => now })
    try {
      const client = resendClient(clocked.url)
      const first = await client.emails.send(receipt(), { idempotencyKey: 'welcome/1' })

      now = new Date('2025-06-02T11:59:59.999Z')
      const withinWindow = await client.emails.send(receipt(), { idempotencyKey: 'welcome/1' })
      expect(withinWindow.data?.id).toBe(first.data?.id)

      now = new Date('2025-06-02T12:00:00.000Z')
      const afterWindow = await client.emails.send(receipt(), { idempotencyKey: 'welcome/1' })
      expect(afterWindow.error).toBeNull()
      expect(afterWindow.data?.id).not.toBe(first.data?.id)
      expect(clocked.messages()).toHaveLength(2)
    } finally {
      await clocked.close()
    }
  })

  it('rejects a key longer than 256 characters with 400 invalid_idempotency_key', async () => {
    const result = await resend.emails.send(receipt(), { idempotencyKey: 'k'.repeat(257) })

    expect(result).toMatchObject({
      data: null,
      error: { statusCode: 400, name: 'invalid_idempotency_key' },
    })
    expect(catcher.messages()).toEqual([])
  })
})

describe('mail catcher: fail-next switch', () => {
  it('fails the next 3 sends with the asked status (POST /_catcher/fail-next); the 4th succeeds once', async () => {
    const armed = await fetch(`${catcher.url}/_catcher/fail-next`, {
      method: 'POST',
      body: JSON.stringify({ count: 3, status: 503 }),
    })
    expect(armed.status).toBe(200)

    // Retries with one key, as the receipt job makes them: failures must not use the key up.
    const send = () => resend.emails.send(receipt(), { idempotencyKey: 'purchase-receipt/45' })
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await send()).toMatchObject({
        data: null,
        error: { statusCode: 503, name: 'internal_server_error', message: expect.any(String) },
      })
    }
    expect(catcher.messages()).toEqual([])

    const fourth = await send()
    expect(fourth).toMatchObject({ data: { id: expect.stringMatching(UUID) }, error: null })
    expect(catcher.messages()).toHaveLength(1)
  })

  it('fails with 500 internal_server_error by default through the handle', async () => {
    catcher.failNext(1)

    expect(await resend.emails.send(receipt())).toMatchObject({
      data: null,
      error: { statusCode: 500, name: 'internal_server_error' },
    })
    expect((await resend.emails.send(receipt())).error).toBeNull()
  })

  it('refuses a count or status that cannot mean "fail the next sends"', async () => {
    expect(() => catcher.failNext(-1)).toThrow(RangeError)
    expect(() => catcher.failNext(1, 200)).toThrow(RangeError)

    const response = await fetch(`${catcher.url}/_catcher/fail-next`, {
      method: 'POST',
      body: JSON.stringify({ count: 2, status: 204 }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      name: 'validation_error',
      message: expect.stringMatching(/status/),
    })
    expect((await resend.emails.send(receipt())).error).toBeNull()
  })
})

describe('mail catcher: refusals shaped like Resend', () => {
  it('answers a request without an API key with 401 missing_api_key', async () => {
    const result = await resend.emails.send(receipt(), { headers: { Authorization: '' } })
    expect(result).toMatchObject({
      data: null,
      error: { statusCode: 401, name: 'missing_api_key' },
    })

    const bare = await fetch(`${catcher.url}/emails`, {
      method: 'POST',
      body: JSON.stringify(receipt()),
    })
    expect(bare.status).toBe(401)
    expect(catcher.messages()).toEqual([])
  })

  it('answers a key that is not a Resend key with 403 invalid_api_key', async () => {
    const result = await resendClient(catcher.url, 'sk_live_not_resend').emails.send(receipt())
    expect(result).toMatchObject({
      data: null,
      error: { statusCode: 403, name: 'invalid_api_key' },
    })
  })

  it.each([
    ['subject', { subject: undefined }, /`subject`/],
    ['to', { to: undefined }, /`to`/],
    ['from', { from: undefined }, /`from`/],
    ['html and text', { html: undefined, text: undefined }, /`html` or `text`/],
    ['a malformed from address', { from: 'Payload Storefront' }, /Invalid `from`/],
  ])(
    'answers a send missing %s with 422 validation_error and stores nothing',
    async (_field, overrides, message) => {
      const result = await resend.emails.send(unchecked({ ...receipt(), ...overrides }))

      expect(result).toMatchObject({
        data: null,
        error: {
          statusCode: 422,
          name: 'validation_error',
          message: expect.stringMatching(message),
        },
      })
      expect(catcher.messages()).toEqual([])
    },
  )
})

describe('mail catcher: senders Resend refuses', () => {
  /** A catcher for an account that verified `verifiedDomains` and signed up as owner@shop.example. */
  async function account(verifiedDomains?: string[]) {
    const started = await createMailCatcher({
      port: 0,
      ...(verifiedDomains ? { verifiedDomains } : {}),
      accountEmail: 'owner@shop.example',
      transcript: catcherTranscript('mailCatcher.test (accounts)'),
    })
    return { catcher: started, resend: resendClient(started.url) }
  }

  it('refuses a sender on a domain the account has not verified: 403 validation_error, Resend’s message', async () => {
    const { catcher: strict, resend: client } = await account(['mail.shop.example'])
    try {
      const result = await client.emails.send(receipt({ from: 'Shop <orders@shop.example>' }))
      expect(result).toEqual({
        data: null,
        error: {
          statusCode: 403,
          name: 'validation_error',
          message:
            'The shop.example domain is not verified. Please, add and verify your domain on https://resend.com/domains',
        },
        headers: expect.any(Object),
      })
      expect(strict.messages()).toEqual([])

      // The verified domain, in any case, is accepted; a verified subdomain does not cover its parent.
      const verified = await client.emails.send(
        receipt({ from: 'Shop <orders@MAIL.shop.example>' }),
      )
      expect(verified.error).toBeNull()
      expect(strict.messages()).toHaveLength(1)
    } finally {
      await strict.close()
    }
  })

  it('lets resend.dev send only to the account owner and Resend’s test addresses', async () => {
    const { catcher: strict, resend: client } = await account([])
    try {
      const testing = receipt({ from: 'Acme <onboarding@resend.dev>' })
      const toOwner = await client.emails.send({ ...testing, to: 'Owner <owner@shop.example>' })
      expect(toOwner.error).toBeNull()
      const toTestInbox = await client.emails.send({
        ...testing,
        to: 'delivered+receipt@resend.dev',
      })
      expect(toTestInbox.error).toBeNull()

      const toShopper = await client.emails.send({
        ...testing,
        to: 'owner@shop.example',
        bcc: 'shopper@example.com',
      })
      expect(toShopper).toMatchObject({
        data: null,
        error: {
          statusCode: 403,
          name: 'validation_error',
          message:
            'You can only send testing emails to your own email address (owner@shop.example). To send emails to other recipients, please verify a domain at resend.com/domains, and change the `from` address to an email using this domain.',
        },
      })
      expect(strict.messages()).toHaveLength(2)
    } finally {
      await strict.close()
    }
  })

  it('verifies example.com by default (the offline EMAIL_FROM), or the domains in MAIL_CATCHER_VERIFIED_DOMAINS', async () => {
    const previous = process.env.MAIL_CATCHER_VERIFIED_DOMAINS
    const fromDomain = (domain: string) => receipt({ from: `Shop <shop@${domain}>` })
    try {
      delete process.env.MAIL_CATCHER_VERIFIED_DOMAINS
      const byDefault = await account()
      expect(byDefault.catcher.verifiedDomains).toEqual(['example.com'])
      expect((await byDefault.resend.emails.send(fromDomain('example.com'))).error).toBeNull()
      expect((await byDefault.resend.emails.send(fromDomain('test.example'))).error).toMatchObject({
        statusCode: 403,
      })
      await byDefault.catcher.close()

      process.env.MAIL_CATCHER_VERIFIED_DOMAINS = ' test.example , Shop.Example '
      const fromEnv = await account()
      expect(fromEnv.catcher.verifiedDomains).toEqual(['test.example', 'shop.example'])
      expect((await fromEnv.resend.emails.send(fromDomain('test.example'))).error).toBeNull()
      expect((await fromEnv.resend.emails.send(fromDomain('shop.example'))).error).toBeNull()
      expect((await fromEnv.resend.emails.send(fromDomain('example.com'))).error).toMatchObject({
        statusCode: 403,
      })
      await fromEnv.catcher.close()
    } finally {
      if (previous === undefined) delete process.env.MAIL_CATCHER_VERIFIED_DOMAINS
      else process.env.MAIL_CATCHER_VERIFIED_DOMAINS = previous
    }
  })
})

describe('mail catcher: inbox pages', () => {
  it('escapes what mail contains on the inbox page', async () => {
    await resend.emails.send(
      receipt({ subject: '<script>alert(1)</script>', to: '"Eve" <eve@example.com>' }),
    )

    const inbox = await getText('/')
    expect(inbox.status).toBe(200)
    expect(inbox.headers.get('content-type')).toMatch(/^text\/html/)
    expect(inbox.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(inbox.body).toContain('&quot;Eve&quot; &lt;eve@example.com&gt;')
    expect(inbox.body).not.toContain('<script>')
    expect(inbox.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('shows one message with its HTML in a sandboxed srcdoc iframe and its text part, all escaped', async () => {
    const hostile = '<img src="x" onerror="alert(1)"><script>alert(2)</script>'
    const sent = await resend.emails.send(
      receipt({ subject: 'Hello & welcome', html: hostile, text: 'Plain <b>text</b>' }),
    )

    const page = await getText(`/messages/${sent.data?.id}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(
      '<iframe sandbox="" srcdoc="&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"',
    )
    expect(page.body).toContain('<pre>Plain &lt;b&gt;text&lt;/b&gt;</pre>')
    expect(page.body).toContain('Hello &amp; welcome')
    expect(page.body).not.toContain('<script>')
    expect(page.body).not.toContain('onerror="')

    const inbox = await getText('/')
    expect(inbox.body).toContain(`href="/messages/${sent.data?.id}"`)
  })

  it('answers an unknown message with a 404 page and an unknown API path with Resend not_found', async () => {
    expect((await getText(`/messages/${randomUUID()}`)).status).toBe(404)

    const unknown = await getText('/domains')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toEqual({
      statusCode: 404,
      name: 'not_found',
      message: 'The requested endpoint does not exist.',
    })
  })
})
