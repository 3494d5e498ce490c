import type { CollectionSlug, PayloadRequest, TypedUser } from 'payload'

import { getFieldsToSign, jwtSign } from 'payload'
import { addSessionToUser, generatePayloadCookie } from 'payload/shared'

/**
 * Signs a user in exactly as Payload's own login operation does once the password is right: a
 * session on the user (when the collection uses sessions), a JWT with the same fields, secret
 * and lifetime, and the same `payload-token` cookie. No second auth system: logout, refresh,
 * `/api/users/me` and access control treat it like any password sign-in.
 * @returns the JWT and the Set-Cookie header value
 */
export async function startPayloadSession({
  req,
  collection,
  user,
}: {
  req: PayloadRequest
  collection: string
  user: TypedUser & { email: string }
}): Promise<{ token: string; setCookie: string; exp: number }> {
  const { payload } = req
  const collectionConfig = payload.collections[collection as CollectionSlug]?.config
  if (!collectionConfig?.auth) {
    throw new Error(
      `Collection "${collection}" is not an auth collection; nobody can sign in to it.`,
    )
  }
  const { sid } = await addSessionToUser({ collectionConfig, payload, req, user })
  const fieldsToSign = getFieldsToSign({
    collectionConfig,
    email: user.email,
    user: { ...user, collection } as PayloadRequest['user'],
    ...(sid ? { sid } : {}),
  })
  const { token, exp } = await jwtSign({
    fieldsToSign,
    secret: payload.secret,
    tokenExpiration: collectionConfig.auth.tokenExpiration,
  })
  const setCookie = generatePayloadCookie({
    collectionAuthConfig: collectionConfig.auth,
    cookiePrefix: payload.config.cookiePrefix,
    token,
  })
  return { token, setCookie, exp }
}
