import type { CollectionSlug, Payload, Where } from 'payload'

import { createHash, randomBytes } from 'node:crypto'

import type { ResolvedStorefrontOptions } from '../types'

import { userHasRole } from '../access'
import { SIGN_IN_LINK_REQUESTS_SLUG, SIGN_IN_LINKS_SLUG } from '../constants'
import { sendEmail } from '../email/resend'
import { renderSignInLinkEmail } from '../email/signInLinkEmail'
import { StorefrontError } from '../errors'
import { safeCallbackPath } from '../utilities/safeCallbackPath'

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const EMAIL_MAX_LENGTH = 254

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** The one answer for every well-formed request, so it never tells whether an account exists. */
export const signInLinkSentMessage = (email: string, minutes: number) =>
  `If an account uses ${email}, we have emailed it a sign-in link. It works once, for ${minutes} minutes.`

/** Lowercased and trimmed, as Payload stores auth emails. */
export function normaliseEmail(value: unknown): null | string {
  if (typeof value !== 'string') return null
  const email = value.trim().toLowerCase()
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_SHAPE.test(email) ? email : null
}

async function countSince(payload: Payload, where: Where, windowMinutes: number): Promise<number> {
  const since = new Date(Date.now() - windowMinutes * 60_000).toISOString()
  const { totalDocs } = await payload.count({
    collection: SIGN_IN_LINK_REQUESTS_SLUG as CollectionSlug,
    where: { and: [where, { createdAt: { greater_than: since } }] },
    overrideAccess: true,
  })
  return totalDocs
}

/** A day of history is kept beyond the longest window; older requests and used-up links go. */
const KEEP_MINUTES = 24 * 60

/**
 * Deletes requests no limit counts any more and links that expired a day ago, so both tables stay
 * small without a scheduled job.
 */
async function forgetOldRequests(payload: Payload, longestWindowMinutes: number): Promise<void> {
  const before = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()
  await payload.db.deleteMany({
    collection: SIGN_IN_LINK_REQUESTS_SLUG,
    where: { createdAt: { less_than: before(longestWindowMinutes + KEEP_MINUTES) } },
  })
  await payload.db.deleteMany({
    collection: SIGN_IN_LINKS_SLUG,
    where: { expiresAt: { less_than: before(KEEP_MINUTES) } },
  })
}

/**
 * Counts this request against the per-email and per-IP limits. The request is recorded first and
 * then counted, so concurrent requests on several instances all see each other.
 * @throws StorefrontError 429 over either limit
 */
async function enforceRateLimits(args: {
  payload: Payload
  options: ResolvedStorefrontOptions
  email: string
  ip: string
}): Promise<void> {
  const { payload, options, email, ip } = args
  const { perEmail, perIp } = options.signInLinks
  const emailHash = sha256(email)
  await payload.create({
    collection: SIGN_IN_LINK_REQUESTS_SLUG as CollectionSlug,
    data: { emailHash, ip } as never,
    overrideAccess: true,
  })
  const [forEmail, forIp] = await Promise.all([
    countSince(payload, { emailHash: { equals: emailHash } }, perEmail.windowMinutes),
    countSince(payload, { ip: { equals: ip } }, perIp.windowMinutes),
  ])
  await forgetOldRequests(payload, Math.max(perEmail.windowMinutes, perIp.windowMinutes))
  const overEmail = forEmail > perEmail.max
  if (overEmail || forIp > perIp.max) {
    const minutes = overEmail ? perEmail.windowMinutes : perIp.windowMinutes
    throw new StorefrontError(
      `Too many sign-in links were asked for ${overEmail ? 'this email address' : 'from your network'} just now. Wait ${minutes} minutes and ask again, or sign in with your password.`,
      429,
      { retryAfterSeconds: minutes * 60 },
    )
  }
}

/**
 * Emails a one-time sign-in link to the account with this email, if there is one a link may sign
 * in (customers; staff only when `signInLinks.allowStaff`). The token is 32 random bytes, sent
 * only in the email and stored only as its SHA-256; it is never logged.
 * @returns the same sentence whether or not an account exists
 * @throws StorefrontError 400 not an email, 404 links are off, 429 rate limited
 */
export async function requestSignInLink(args: {
  payload: Payload
  options: ResolvedStorefrontOptions
  email: unknown
  ip: string
  callbackUrl?: unknown
}): Promise<{ message: string }> {
  const { payload, options, ip } = args
  const settings = options.signInLinks
  if (!settings.enabled) {
    throw new StorefrontError(
      'Sign-in links are turned off in this shop; sign in with your password.',
      404,
    )
  }
  const email = normaliseEmail(args.email)
  if (!email) {
    throw new StorefrontError(
      'Enter the email address of your account, like name@example.com.',
      400,
    )
  }
  await enforceRateLimits({ payload, options, email, ip })
  const answer = { message: signInLinkSentMessage(email, settings.expiresInMinutes) }

  const { docs } = await payload.find({
    collection: options.usersSlug as CollectionSlug,
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const user = docs[0] as undefined | { id: number | string; roles?: unknown }
  const isStaff = userHasRole(user as never, [...options.staffRoles, ...options.editorRoles])
  if (!user || (isStaff && !settings.allowStaff)) return answer

  const token = randomBytes(32).toString('base64url')
  const link = await payload.create({
    collection: SIGN_IN_LINKS_SLUG as CollectionSlug,
    data: {
      tokenHash: sha256(token),
      user: user.id,
      email,
      callbackPath: safeCallbackPath(args.callbackUrl, options.routes.account),
      expiresAt: new Date(Date.now() + settings.expiresInMinutes * 60_000).toISOString(),
    } as never,
    overrideAccess: true,
  })
  const query = new URLSearchParams({ token, email })
  try {
    await sendEmail(options.email, {
      ...renderSignInLinkEmail({
        storeName: options.storeName,
        email,
        link: `${payload.config.serverURL}${options.routes.signInLink}?${query}`,
        expiresInMinutes: settings.expiresInMinutes,
        supportEmail: options.supportEmail,
      }),
      to: email,
      idempotencyKey: `sign-in-link/${link.id}`,
    })
  } catch (error) {
    // Logged without the token; the shopper hears the same answer and can ask again.
    payload.logger.error(
      { err: error, signInLinkId: link.id },
      'A sign-in link email could not be sent.',
    )
  }
  return answer
}
