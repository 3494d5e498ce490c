import type { CollectionSlug, PayloadRequest, TypedUser } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { userHasRole } from '../access'
import { startPayloadSession } from '../auth/startPayloadSession'
import { SIGN_IN_LINKS_SLUG } from '../constants'
import { StorefrontError } from '../errors'
import { safeCallbackPath } from '../utilities/safeCallbackPath'
import { normaliseEmail, sha256 } from './requestSignInLink'

/** A token as the link carries it: 32 random bytes in base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

const linkNoLongerWorks = () =>
  new StorefrontError(
    'This sign-in link no longer works: it was already used, is more than a few minutes old, or was not copied whole. Ask for a new one.',
    401,
  )

/**
 * Uses a one-time sign-in link: the token (with the email it was sent to) is marked used in the
 * same UPDATE that checks it is unused and unexpired, so it signs in once even when opened twice
 * at the same moment. Then a Payload session starts exactly as after a password sign-in.
 * @returns the session's Set-Cookie value and the same-site path to go to
 * @throws StorefrontError 401 for a used, expired, tampered or unknown token, or another email's
 */
export async function redeemSignInLink(args: {
  req: PayloadRequest
  options: ResolvedStorefrontOptions
  token: unknown
  email: unknown
}): Promise<{ setCookie: string; redirectTo: string; userId: number | string }> {
  const { req, options } = args
  const { payload } = req
  const email = normaliseEmail(args.email)
  if (!options.signInLinks.enabled || typeof args.token !== 'string' || !email) {
    throw linkNoLongerWorks()
  }
  if (!TOKEN_SHAPE.test(args.token)) throw linkNoLongerWorks()
  const now = new Date().toISOString()
  const link = (await payload.db.updateOne({
    collection: SIGN_IN_LINKS_SLUG as CollectionSlug,
    data: { usedAt: now },
    options: { atomic: true },
    where: {
      and: [
        { tokenHash: { equals: sha256(args.token) } },
        { email: { equals: email } },
        { usedAt: { exists: false } },
        { expiresAt: { greater_than: now } },
      ],
    },
    req,
  })) as null | { user: number | string | { id: number | string }; callbackPath: string }
  if (!link) throw linkNoLongerWorks()

  const userId = typeof link.user === 'object' ? link.user.id : link.user
  // The raw stored user, as Payload's login reads it (sessions are written back whole).
  const user = (await payload.db.findOne({
    collection: options.usersSlug as CollectionSlug,
    where: { id: { equals: userId } },
    req,
  })) as null | (TypedUser & { email: string; roles?: unknown })
  // The account may have changed since the link was sent: deleted, new email, made staff.
  if (!user || String(user.email).toLowerCase() !== email) throw linkNoLongerWorks()
  const isStaff = userHasRole(user as never, [...options.staffRoles, ...options.editorRoles])
  if (isStaff && !options.signInLinks.allowStaff) throw linkNoLongerWorks()

  const { setCookie } = await startPayloadSession({ req, collection: options.usersSlug, user })
  return {
    setCookie,
    redirectTo: safeCallbackPath(link.callbackPath, options.routes.account),
    userId: user.id,
  }
}
