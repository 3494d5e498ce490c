import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { isProductSlug } from '../constants'
import { StorefrontError } from '../errors'
import { startCheckout } from '../operations/startCheckout'
import { loginUrlFor } from '../options'
import { errorResponse, isCrossSiteCookieRequest, redirect } from './http'

type CheckoutBody = { productSlug: unknown; isFormPost: boolean }

/**
 * POST /api/checkout (contract in docs): parse the body, check the shopper, start checkout,
 * answer JSON `{url}` or, for a form post, 303 to Stripe.
 */
export function createCheckoutEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/checkout',
    method: 'post',
    handler: async (req) => {
      const body = await readCheckoutBody(req)
      const slug = isProductSlug(body?.productSlug) ? body.productSlug : undefined
      try {
        // Only a shopper of the configured auth collection, authenticated same-site, can buy.
        const user =
          req.user?.collection === options.usersSlug && !isCrossSiteCookieRequest(req)
            ? req.user
            : null
        if (!user) {
          const loginUrl = loginUrlFor(options.routes, slug)
          if (body?.isFormPost) return redirect(loginUrl)
          throw new StorefrontError('Sign in to buy this product.', 401, { loginUrl })
        }
        if (!body) {
          throw new StorefrontError(
            'Send JSON like {"productSlug": "workflow-templates"} or a form with a productSlug field.',
            400,
          )
        }
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
        if (body.isFormPost) return redirect(url)
        return Response.json({ url }, { headers: { 'Cache-Control': 'no-store' } })
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}

/**
 * Reads `productSlug` from a JSON body (fetch from the Buy button) or a urlencoded form
 * (the same button without JavaScript). Returns null for a body that is neither.
 */
async function readCheckoutBody(req: PayloadRequest): Promise<CheckoutBody | null> {
  const contentType = req.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? ''
  const raw = (await req.text?.()) ?? ''
  if (contentType === 'application/x-www-form-urlencoded') {
    return { productSlug: new URLSearchParams(raw).get('productSlug'), isFormPost: true }
  }
  if (contentType === 'multipart/form-data') {
    try {
      const headers = { 'content-type': req.headers.get('content-type')! }
      const form = await new Response(raw, { headers }).formData()
      return { productSlug: form.get('productSlug'), isFormPost: true }
    } catch {
      return null
    }
  }
  if (contentType === 'application/json' || contentType === '') {
    try {
      const parsed: unknown = JSON.parse(raw)
      const productSlug = (parsed as { productSlug?: unknown } | null)?.productSlug
      return { productSlug, isFormPost: false }
    } catch {
      return null
    }
  }
  return null
}
