import type { Endpoint } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { createCheckoutSession } from '../stripe/createCheckoutSession'
import { getStripeClient } from '../stripe/getStripeClient'
import { resolveStripePriceId } from '../stripe/resolveStripePriceId'
import { isCrossSiteCookieRequest } from '../utilities/isCrossSiteCookieRequest'
import { isErrorNamed } from '../utilities/isErrorNamed'
import { jsonError } from '../utilities/jsonError'
import { loginUrlFor } from '../utilities/loginUrlFor'
import { SLUG_PATTERN } from '../utilities/SLUG_PATTERN'
import { readCheckoutBody } from './readCheckoutBody'

function redirect(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: location, 'Cache-Control': 'no-store' },
  })
}

/** POST /api/checkout: starts a Stripe Checkout Session for one product (contract in DESIGN.md). */
export function createCheckoutEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/checkout',
    method: 'post',
    handler: async (req) => {
      const body = await readCheckoutBody(req)
      const slug = typeof body?.productSlug === 'string' ? body.productSlug : undefined
      const serverURL = req.payload.config.serverURL

      // Only a shopper of the configured auth collection, authenticated same-site, can buy.
      const user =
        req.user?.collection === options.usersSlug && !isCrossSiteCookieRequest(req, serverURL)
          ? req.user
          : null
      if (!user) {
        const loginUrl = loginUrlFor(
          options.loginPath,
          slug && SLUG_PATTERN.test(slug) ? slug : undefined,
        )
        if (body?.isFormPost) return redirect(loginUrl)
        return jsonError(401, 'Sign in to buy this product.', { loginUrl })
      }
      if (!body)
        return jsonError(
          400,
          'Send JSON like {"productSlug": "workflow-templates"} or a form with a productSlug field.',
        )
      if (!slug || !SLUG_PATTERN.test(slug)) {
        return jsonError(
          400,
          'The request needs a productSlug: the product\'s slug, e.g. "workflow-templates".',
        )
      }

      let price
      try {
        price = await resolveStripePriceId(req.payload, slug)
      } catch (error) {
        if (isErrorNamed(error, 'ProductNotFoundError')) return jsonError(404, error.message)
        if (isErrorNamed(error, 'PlaceholderPriceError')) return jsonError(422, error.message)
        throw error
      }

      const { secretKey } = options.stripe
      if (!secretKey) {
        req.payload.logger.error(
          'Checkout refused: no Stripe secret key is configured (STRIPE_SECRET_KEY).',
        )
        return jsonError(502, 'Payments are unavailable right now. Please try again later.')
      }
      try {
        const session = await createCheckoutSession(
          getStripeClient({ ...options.stripe, secretKey }),
          {
            price,
            productSlug: slug,
            user: { id: user.id, email: String((user as { email?: string }).email ?? '') },
            serverURL,
          },
        )
        if (!session.url)
          throw new Error(`Stripe returned checkout session ${session.id} without a url.`)
        return body.isFormPost
          ? redirect(session.url)
          : Response.json({ url: session.url }, { headers: { 'Cache-Control': 'no-store' } })
      } catch (error) {
        req.payload.logger.error(
          { err: error, productSlug: slug },
          'Stripe could not create a checkout session.',
        )
        return jsonError(
          502,
          'We could not reach the payment provider to start checkout. Nothing was charged; please try again in a moment.',
        )
      }
    },
  }
}
