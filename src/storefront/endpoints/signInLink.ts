import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { SIGN_IN_LINK_BODY_LIMIT_BYTES } from '../constants'
import { isStorefrontError } from '../errors'
import { redeemSignInLink } from '../operations/redeemSignInLink'
import { requestSignInLink } from '../operations/requestSignInLink'
import { errorResponse, readBodyWithLimit, redirect } from './http'

type Fields = Record<string, unknown>

const isFormPost = (req: PayloadRequest) =>
  (req.headers.get('content-type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded')

/** JSON or a urlencoded form, at most SIGN_IN_LINK_BODY_LIMIT_BYTES; {} for anything else. */
async function readFields(req: PayloadRequest): Promise<Fields> {
  const raw = (await readBodyWithLimit(req, SIGN_IN_LINK_BODY_LIMIT_BYTES)).toString('utf8')
  if (isFormPost(req)) return Object.fromEntries(new URLSearchParams(raw))
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' ? (parsed as Fields) : {}
  } catch {
    return {}
  }
}

/** The client's address: the first X-Forwarded-For hop (set by the proxy in front), else "unknown". */
export function clientIp(req: PayloadRequest): string {
  const forwarded = req.headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || req.headers.get('x-real-ip')?.trim() || 'unknown'
}

/**
 * POST /api/sign-in-link `{ email, callbackUrl? }`: emails a one-time sign-in link.
 * 200 `{ message }` (the same for every address), 400 not an email, 429 rate limited.
 */
export function createRequestSignInLinkEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/sign-in-link',
    method: 'post',
    handler: async (req) => {
      try {
        const fields = await readFields(req)
        const result = await requestSignInLink({
          payload: req.payload,
          options,
          email: fields.email,
          callbackUrl: fields.callbackUrl,
          ip: clientIp(req),
        })
        return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}

/**
 * POST /api/sign-in-link/redeem `{ token, email }`: signs in with a link's token. A form post
 * (the landing page's button) gets 303 to the same-site callback with the session cookie, or back
 * to the landing page with `failed=1`; JSON gets 200 `{ redirectTo }` + cookie, or 401.
 */
export function createRedeemSignInLinkEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/sign-in-link/redeem',
    method: 'post',
    handler: async (req) => {
      const form = isFormPost(req)
      try {
        const fields = await readFields(req)
        const { setCookie, redirectTo } = await redeemSignInLink({
          req,
          options,
          token: fields.token,
          email: fields.email,
        })
        const response = form
          ? redirect(redirectTo)
          : Response.json({ redirectTo }, { headers: { 'Cache-Control': 'no-store' } })
        response.headers.append('Set-Cookie', setCookie)
        return response
      } catch (error) {
        if (form && isStorefrontError(error) && error.status === 401) {
          return redirect(`${options.routes.signInLink}?failed=1`)
        }
        return errorResponse(error, req)
      }
    },
  }
}
