import type { User } from '@/payload-types'

import { headers } from 'next/headers'

import { getPayloadClient } from './getPayloadClient'

/**
 * The shopper signed in on this page request (Payload auth cookie), or null.
 *
 * Payload refuses the cookie on a request marked Sec-Fetch-Site: cross-site, which is right for
 * API calls but also catches the shopper's return from Stripe Checkout (checkout.stripe.com →
 * our success_url), a top-level GET navigation that SameSite=Lax explicitly allows. Page renders
 * are GETs that read and never act for another site, so a navigation counts as the shopper's own.
 */
export async function getSignedInUser(): Promise<User | null> {
  const payload = await getPayloadClient()
  const incoming = await headers()
  const authHeaders = new Headers(incoming)
  if (
    incoming.get('sec-fetch-mode') === 'navigate' &&
    incoming.get('sec-fetch-dest') === 'document'
  ) {
    authHeaders.set('sec-fetch-site', 'none')
  }
  const { user } = await payload.auth({ headers: authHeaders })
  return (user as User | null) ?? null
}
