import type { Metadata } from 'next'

import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload } from 'payload'

export const metadata: Metadata = { title: 'Your account' }

type Args = { searchParams: Promise<{ purchased?: string; session_id?: string }> }

/**
 * The shopper's account: Stripe Checkout returns here. Purchases and downloads are listed once
 * fulfilment lands; for now it confirms the payment went through to Stripe.
 */
export default async function AccountPage({ searchParams }: Args) {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  const { purchased, session_id: sessionId } = await searchParams
  if (!user) {
    const back = `/products/account${purchased ? `?purchased=${encodeURIComponent(purchased)}` : ''}`
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`)
  }
  return (
    <section>
      <h1>Your account</h1>
      <p>Signed in as {user.email}.</p>
      {purchased && sessionId ? (
        <p role="status" className="notice">
          Thank you! Your payment for <strong>{purchased}</strong> was sent to Stripe. Your download appears here as soon as
          the payment is confirmed, and a receipt is on its way to {user.email}.
        </p>
      ) : null}
    </section>
  )
}
