import type { Metadata } from 'next'

import Link from 'next/link'
import { redirect } from 'next/navigation'

import { productTitleOf } from '@/components/productTitleOf'
import { PurchaseList } from '@/components/PurchaseList'
import { fulfilReturningShopper } from 'payload-plugin-storefront'

import { describeDownloads } from '../../_data/describeDownloads'
import { getPayloadClient } from '../../_data/getPayloadClient'
import { getSignedInUser } from '../../_data/getSignedInUser'
import { listOwnPurchases } from '../../_data/listOwnPurchases'

export const metadata: Metadata = { title: 'Your account' }

type Args = {
  searchParams: Promise<{
    purchased?: string
    session_id?: string
    welcome?: string
    passwordReset?: string
  }>
}

/**
 * The shopper's purchases. Stripe Checkout returns here with `session_id`: the session is fulfilled
 * right away (the webhook may still be on its way), so the purchase is listed on arrival.
 */
export default async function AccountPage({ searchParams }: Args) {
  const user = await getSignedInUser()
  const { purchased, session_id: sessionId, welcome, passwordReset } = await searchParams
  if (!user) {
    const back = `/products/account${sessionId ? `?session_id=${encodeURIComponent(sessionId)}` : ''}`
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`)
  }

  let confirmation: 'confirmed' | 'failed' | 'pending' | 'unknown' | null = null
  let confirmedPurchaseId: null | number | string = null
  if (sessionId) {
    const payload = await getPayloadClient()
    try {
      const purchase = await fulfilReturningShopper({ payload, sessionId, userId: user.id })
      confirmation = !purchase
        ? 'unknown'
        : purchase.status === 'paid'
          ? 'confirmed'
          : purchase.status === 'pending' || purchase.status === 'failed'
            ? purchase.status
            : 'unknown'
      confirmedPurchaseId = purchase?.id ?? null
    } catch (error) {
      payload.logger.warn(
        { err: error, sessionId },
        'Could not confirm a returning checkout; the webhook will.',
      )
      confirmation = 'unknown'
    }
  }
  const purchases = await listOwnPurchases(user)
  const downloads = await describeDownloads(purchases)
  const justBought = purchases.find((purchase) => purchase.id === confirmedPurchaseId)
  const boughtName = justBought ? productTitleOf(justBought) : purchased

  return (
    <section>
      <h1>Your account</h1>
      <p>Signed in as {user.email}.</p>
      {passwordReset === '1' ? (
        <p role="status" className="notice">
          Your new password is saved and you are signed in. The reset link cannot be used again.
        </p>
      ) : null}
      {welcome === '1' ? (
        <p role="status" className="notice">
          Welcome{user.name ? `, ${user.name}` : ''}! Your account is ready.{' '}
          <Link href="/products">Browse the products</Link>; everything you buy appears here.
        </p>
      ) : null}
      {confirmation === 'confirmed' ? (
        <p role="status" className="notice">
          Thank you! Your payment{boughtName ? ` for ${boughtName}` : ''} is confirmed. A receipt is
          on its way to {user.email}.
        </p>
      ) : null}
      {confirmation === 'pending' ? (
        <p role="status" className="notice">
          Thank you! Your bank transfer{boughtName ? ` for ${boughtName}` : ''} is on its way. Bank
          payments take a few days to clear; we will email {user.email} as soon as it does, and the
          download appears below.
        </p>
      ) : null}
      {confirmation === 'failed' ? (
        <p role="status" className="notice">
          Your payment{boughtName ? ` for ${boughtName}` : ''} did not go through, so you were not
          charged.{' '}
          {purchased ? (
            <Link href={`/products/${encodeURIComponent(purchased)}?buy=1`}>Try again</Link>
          ) : null}
        </p>
      ) : null}
      {confirmation === 'unknown' ? (
        <p role="status" className="notice">
          We are still confirming your payment with Stripe. It will appear below within a minute;
          refresh to check.
        </p>
      ) : null}
      <h2>Purchases</h2>
      <PurchaseList purchases={purchases} downloads={downloads} email={user.email} />
    </section>
  )
}
