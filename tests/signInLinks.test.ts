import type { Payload } from 'payload'

import { createHash } from 'node:crypto'
import { createLocalReq } from 'payload'
import { getStorefrontOptions } from 'payload-plugin-storefront'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { redeemSignInLink } from '@/storefront/operations/redeemSignInLink'
import { requestSignInLink } from '@/storefront/operations/requestSignInLink'

import { rest, SERVER_URL } from './helpers/api'
import { getTestPayload } from './helpers/getTestPayload'
import { mailTo } from './helpers/mailCatcher'
import { createUser } from './helpers/users'

let payload: Payload
let ipCounter = 0
/** A client address of its own per test, so the per-IP limit of one test leaves the others alone. */
/**
 * Each run takes its own block of addresses: the per-IP limit counts in PostgreSQL, so a second
 * run against the same database (Stryker runs every file once per mutant) must not inherit it.
 */
const ipBlock = Math.floor(Math.random() * 250)
const freshIp = () => `198.18.${ipBlock}.${(ipCounter += 1)}`

beforeAll(async () => {
  payload = await getTestPayload()
})

afterEach(() => {
  vi.restoreAllMocks()
})

const ask = (email: string, ip = freshIp(), callbackUrl?: string) =>
  rest('POST', '/sign-in-link', {
    body: { email, ...(callbackUrl ? { callbackUrl } : {}) },
    headers: { 'X-Forwarded-For': ip },
  })

const redeem = (token: string, email: string) =>
  rest('POST', '/sign-in-link/redeem', { body: { token, email } })

/** The token and email of the newest sign-in link emailed to `email`. */
async function linkFromMail(email: string): Promise<{ token: string; email: string; url: URL }> {
  const mails = (await mailTo(email)).filter((mail) => mail.subject.startsWith('Your sign-in link'))
  const last = mails[0] // the catcher lists the newest first
  const href = /Sign in: (\S+)/.exec(last?.text ?? '')?.[1]
  if (!href) throw new Error(`no sign-in link was emailed to ${email}`)
  const url = new URL(href)
  return { token: url.searchParams.get('token')!, email: url.searchParams.get('email')!, url }
}

const sessionCookie = (response: Response) =>
  response.headers.get('set-cookie')?.split(';')[0] ?? ''

async function whoIs(cookie: string): Promise<null | string> {
  // Payload reads the auth cookie only on a request from its own origin (csrf).
  const response = await rest('GET', '/users/me', { cookie, headers: { Origin: SERVER_URL } })
  return ((await response.json()) as { user: null | { email: string } }).user?.email ?? null
}

describe('one-time sign-in links', () => {
  it('signs a shopper in once, with the same Payload session cookie as a password sign-in', async () => {
    const shopper = await createUser(['customer'])
    const asked = await ask(shopper.email)
    expect(asked.status).toBe(200)
    const link = await linkFromMail(shopper.email)
    expect(link.url.pathname).toBe('/login/link')
    expect(link.email).toBe(shopper.email)

    const response = await redeem(link.token, link.email)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ redirectTo: '/products/account' })
    const cookie = sessionCookie(response)
    expect(cookie).toMatch(/^payload-token=ey/)
    expect(await whoIs(cookie)).toBe(shopper.email)

    // The cookie's attributes are those of a password sign-in (only the value and expiry differ).
    const passwordLogin = await rest('POST', '/users/login', {
      body: { email: shopper.email, password: shopper.password },
    })
    const attributes = (response: Response) =>
      (response.headers.get('set-cookie') ?? '')
        .split(';')
        .slice(1)
        .map((part) => part.trim())
        .filter((part) => !/^expires=/i.test(part))
        .sort()
    expect(attributes(response)).toEqual(attributes(passwordLogin))

    // A real Payload session: logging out ends it.
    await rest('POST', '/users/logout', { cookie, headers: { Origin: SERVER_URL } })
    expect(await whoIs(cookie)).toBeNull()

    // Used once: a second use fails and signs nobody in.
    const again = await redeem(link.token, link.email)
    expect(again.status).toBe(401)
    expect(((await again.json()) as { error: string }).error).toMatch(
      /^This sign-in link no longer works/,
    )
    expect(again.headers.get('set-cookie')).toBeNull()
  })

  it('a form post (the landing page button) redirects to the same-site callback with the cookie, or back with failed=1', async () => {
    const shopper = await createUser(['customer'])
    await ask(shopper.email, freshIp(), '/products/account/purchases/7')
    const link = await linkFromMail(shopper.email)
    const response = await rest('POST', '/sign-in-link/redeem', {
      form: { token: link.token, email: link.email },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/products/account/purchases/7')
    expect(await whoIs(sessionCookie(response))).toBe(shopper.email)

    const reused = await rest('POST', '/sign-in-link/redeem', {
      form: { token: link.token, email: link.email },
    })
    expect(reused.status).toBe(303)
    expect(reused.headers.get('location')).toBe('/login/link?failed=1')
    expect(reused.headers.get('set-cookie')).toBeNull()
  })

  it('honours only a same-site callbackUrl', async () => {
    for (const callbackUrl of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const shopper = await createUser(['customer'])
      await ask(shopper.email, freshIp(), callbackUrl)
      const link = await linkFromMail(shopper.email)
      const response = await redeem(link.token, link.email)
      expect(await response.json()).toEqual({ redirectTo: '/products/account' })
    }
  })

  it('an expired link fails', async () => {
    const shopper = await createUser(['customer'])
    await ask(shopper.email)
    const link = await linkFromMail(shopper.email)
    const { docs } = await payload.find({
      collection: 'sign-in-links',
      where: { email: { equals: shopper.email } },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'sign-in-links',
      id: docs[0].id,
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    expect((await redeem(link.token, link.email)).status).toBe(401)
  })

  it('a tampered token fails, and so does a token with another email', async () => {
    const alice = await createUser(['customer'])
    const bob = await createUser(['customer'])
    await ask(alice.email)
    await ask(bob.email)
    const aliceLink = await linkFromMail(alice.email)
    const last = aliceLink.token.at(-1) === 'A' ? 'B' : 'A'
    expect((await redeem(`${aliceLink.token.slice(0, -1)}${last}`, alice.email)).status).toBe(401)
    expect((await redeem(aliceLink.token, bob.email)).status).toBe(401)
    expect((await redeem('not-a-token', alice.email)).status).toBe(401)
    // None of those used Alice's link up.
    const response = await redeem(aliceLink.token, alice.email)
    expect(response.status).toBe(200)
    expect(await whoIs(sessionCookie(response))).toBe(alice.email)
  })

  it('stores only the SHA-256 of the token, and never logs it', async () => {
    const logged: unknown[] = []
    for (const level of ['info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(payload.logger, level).mockImplementation(((...args: unknown[]) => {
        logged.push(args)
      }) as never)
    }
    const shopper = await createUser(['customer'])
    await ask(shopper.email)
    const link = await linkFromMail(shopper.email)
    await redeem(link.token, link.email)
    await redeem(link.token, link.email)
    const { docs } = await payload.find({
      collection: 'sign-in-links',
      where: { email: { equals: shopper.email } },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].tokenHash).toBe(createHash('sha256').update(link.token).digest('hex'))
    expect(JSON.stringify(docs)).not.toContain(link.token)
    expect(JSON.stringify(logged)).not.toContain(link.token)
  })

  it('answers the same for a shopper, an unknown email and a staff member; only the shopper gets mail', async () => {
    const shopper = await createUser(['customer'])
    const staff = await createUser(['support'])
    const unknown = `nobody-${Date.now()}@test.example`
    const answers = await Promise.all(
      [shopper.email, unknown, staff.email].map(async (email) => {
        const response = await ask(email)
        const body = (await response.json()) as { message: string }
        return { status: response.status, message: body.message.replace(email, '<email>') }
      }),
    )
    expect(answers[0]).toEqual({
      status: 200,
      message:
        'If an account uses <email>, we have emailed it a sign-in link. It works once, for 15 minutes.',
    })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    expect(await mailTo(shopper.email)).toHaveLength(1)
    expect(await mailTo(unknown)).toEqual([])
    expect(await mailTo(staff.email)).toEqual([])
  })

  it('staff sign in by link only when the option allows it', async () => {
    const staff = await createUser(['editor'])
    const options = getStorefrontOptions(payload)
    const allowing = { ...options, signInLinks: { ...options.signInLinks, allowStaff: true } }
    await requestSignInLink({ payload, options: allowing, email: staff.email, ip: freshIp() })
    const link = await linkFromMail(staff.email)
    const req = await createLocalReq({}, payload)
    // With the option off (the default), the same link is refused.
    await expect(
      redeemSignInLink({ req, options, token: link.token, email: link.email }),
    ).rejects.toMatchObject({ status: 401 })
    await requestSignInLink({ payload, options: allowing, email: staff.email, ip: freshIp() })
    const second = await linkFromMail(staff.email)
    const result = await redeemSignInLink({
      req,
      options: allowing,
      token: second.token,
      email: second.email,
    })
    expect(result.userId).toBe(staff.id)
    expect(result.setCookie).toMatch(/^payload-token=ey/)
  })

  it('rate limits per email (across IPs) and per IP (across emails), with a clear 429', async () => {
    const shopper = await createUser(['customer'])
    for (let i = 0; i < 3; i += 1) expect((await ask(shopper.email)).status).toBe(200)
    const limited = await ask(shopper.email)
    expect(limited.status).toBe(429)
    expect(await limited.json()).toEqual({
      error:
        'Too many sign-in links were asked for this email address just now. Wait 15 minutes and ask again, or sign in with your password.',
      retryAfterSeconds: 900,
    })
    expect(await mailTo(shopper.email)).toHaveLength(3)

    const ip = freshIp()
    for (let i = 0; i < 10; i += 1) {
      expect((await ask(`ip-${i}-${Date.now()}@test.example`, ip)).status).toBe(200)
    }
    const fromNetwork = await ask(`ip-last-${Date.now()}@test.example`, ip)
    expect(fromNetwork.status).toBe(429)
    expect(((await fromNetwork.json()) as { error: string }).error).toContain('from your network')
  })

  it('refuses a body that is not an email with a sentence (400)', async () => {
    const response = await ask('not an email')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: 'Enter the email address of your account, like name@example.com.',
    })
  })

  it('forgets requests no limit counts any more and links expired a day ago', async () => {
    const longAgo = new Date(Date.now() - 3 * 24 * 60 * 60_000).toISOString()
    const shopper = await createUser(['customer'])
    const oldRequest = await payload.create({
      collection: 'sign-in-link-requests',
      data: { emailHash: 'old', ip: '192.0.2.1' },
      overrideAccess: true,
    })
    const oldLink = await payload.create({
      collection: 'sign-in-links',
      data: {
        tokenHash: `old-${Date.now()}`,
        user: shopper.id,
        email: shopper.email,
        callbackPath: '/',
        expiresAt: longAgo,
      },
      overrideAccess: true,
    })
    await payload.db.updateOne({
      collection: 'sign-in-link-requests',
      id: oldRequest.id,
      data: { createdAt: longAgo },
    })
    await ask(shopper.email)
    const remaining = async (collection: 'sign-in-link-requests' | 'sign-in-links', id: number) =>
      (await payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true }))
        .totalDocs
    expect(await remaining('sign-in-link-requests', oldRequest.id)).toBe(0)
    expect(await remaining('sign-in-links', oldLink.id)).toBe(0)
    // This request and its fresh link stay.
    const { docs } = await payload.find({
      collection: 'sign-in-links',
      where: { email: { equals: shopper.email } },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
  })
})
