import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { CHECKOUT_BODY_LIMIT_BYTES, isProductSlug } from '../constants'
import { StorefrontError } from '../errors'
import { startCheckout } from '../operations/startCheckout'
import { loginUrlFor } from '../options'
import { errorResponse, isCrossSiteCookieRequest, readBodyWithLimit, redirect } from './http'

type CheckoutBody = { productSlug: unknown }

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

function contentTypeOf(req: PayloadRequest): string {
  return req.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? ''
}

/**
 * POST /api/checkout (contract in docs): parse the body, check the shopper, start checkout,
 * answer JSON `{url}` or, for a form post, 303 to Stripe.
 */
export function createCheckoutEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/checkout',
    method: 'post',
    handler: async (req) => {
      // A form post (the Buy button without JavaScript) is answered with redirects, not JSON.
      const isFormPost = FORM_TYPES.includes(contentTypeOf(req))
      try {
        // Who is asking comes first: a stranger's body is never read past the size limit.
        // Only a shopper of the configured auth collection, authenticated same-site, can buy.
        const user =
          req.user?.collection === options.usersSlug && !isCrossSiteCookieRequest(req)
            ? req.user
            : null
        if (!user) {
          // The slug only brings the shopper back to the product after signing in; a body that
          // is too large or unreadable just loses that.
          const body = await readCheckoutBody(req).catch(() => null)
          const slug = isProductSlug(body?.productSlug) ? body.productSlug : undefined
          const loginUrl = loginUrlFor(options.routes, slug)
          if (isFormPost) return redirect(loginUrl)
          throw new StorefrontError('Sign in to buy this product.', 401, { loginUrl })
        }
        const body = await readCheckoutBody(req)
        if (!body) {
          throw new StorefrontError(
            'Send JSON like {"productSlug": "workflow-templates"} or a form with a productSlug field.',
            400,
          )
        }
        const slug = isProductSlug(body.productSlug) ? body.productSlug : undefined
        if (!slug) {
          throw new StorefrontError(
            'The request needs a productSlug: the product\'s slug, e.g. "workflow-templates".',
            400,
          )
        }
        const email = String((user as { email?: unknown }).email ?? '')
        const { url } = await startCheckout({
          payload: req.payload,
          options,
          user: { id: user.id, email },
          productSlug: slug,
        })
        if (isFormPost) return redirect(url)
        return Response.json({ url }, { headers: { 'Cache-Control': 'no-store' } })
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}

/**
 * Reads `productSlug` from a JSON body (fetch from the Buy button) or a urlencoded form
 * (the same button without JavaScript), at most CHECKOUT_BODY_LIMIT_BYTES of it.
 * @returns null for a body that is neither
 * @throws StorefrontError 413 for a larger body
 */
async function readCheckoutBody(req: PayloadRequest): Promise<CheckoutBody | null> {
  const contentType = contentTypeOf(req)
  const raw = (await readBodyWithLimit(req, CHECKOUT_BODY_LIMIT_BYTES)).toString('utf8')
  if (contentType === 'application/x-www-form-urlencoded') {
    return { productSlug: new URLSearchParams(raw).get('productSlug') }
  }
  if (contentType === 'multipart/form-data') {
    try {
      const headers = { 'content-type': req.headers.get('content-type')! }
      const form = await new Response(raw, { headers }).formData()
      return { productSlug: form.get('productSlug') }
    } catch {
      return null
    }
  }
  if (contentType === 'application/json' || contentType === '') {
    try {
      const parsed: unknown = JSON.parse(raw)
      return { productSlug: (parsed as { productSlug?: unknown } | null)?.productSlug }
    } catch {
      return null
    }
  }
  return null
}
