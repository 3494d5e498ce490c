import type { Metadata } from 'next'

import type { Purchase } from '@/payload-types'

import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'

import { DownloadLink } from '@/components/DownloadLink'
import { Price } from '@/components/Price'
import { productTitleOf } from '@/components/productTitleOf'
import { PurchaseStatusBadge } from '@/components/PurchaseStatusBadge'

import { describeDownloads } from '../../../../_data/describeDownloads'
import { findOwnPurchase } from '../../../../_data/findOwnPurchase'
import { getSignedInUser } from '../../../../_data/getSignedInUser'

export const metadata: Metadata = { title: 'Your purchase' }

type Args = { params: Promise<{ id: string }> }

/** Why there is no Download button, in the shopper's words. */
const UNAVAILABLE: Record<Purchase['status'], string> = {
  paid: 'Your file is being prepared. Please check back shortly; if it stays unavailable, reply to your receipt email.',
  pending:
    'Your payment is still being processed. The download appears here as soon as it clears, and we will email you.',
  failed: 'The payment for this purchase failed, so there is nothing to download.',
  refunded: 'This purchase was refunded, so its download is no longer available.',
  disputed: 'The payment is disputed, so the download is paused until the dispute is resolved.',
  revoked:
    'Access to this purchase was withdrawn. If you think this is a mistake, reply to your receipt email.',
}

/** One purchase and its download, for its shopper only: anyone else's id is a 404. */
export default async function PurchasePage({ params }: Args) {
  const { id } = await params
  const user = await getSignedInUser()
  if (!user)
    redirect(`/login?callbackUrl=${encodeURIComponent(`/products/account/purchases/${id}`)}`)
  const purchase = await findOwnPurchase(user, id)
  if (!purchase) notFound()
  const download = (await describeDownloads([purchase])).get(purchase.id)

  return (
    <article className="purchase">
      <p>
        <Link href="/products/account">← Your purchases</Link>
      </p>
      <h1>{productTitleOf(purchase)}</h1>
      <dl className="purchase-details">
        <dt>Status</dt>
        <dd>
          <PurchaseStatusBadge status={purchase.status} />
        </dd>
        <dt>Amount</dt>
        <dd>
          <Price amountCents={purchase.amountCents} currency={purchase.currency} />
        </dd>
        <dt>Bought</dt>
        <dd>
          {new Date(purchase.createdAt).toLocaleString('en-US', {
            dateStyle: 'medium',
            timeStyle: 'short',
          })}
        </dd>
        <dt>Receipt</dt>
        <dd>
          {purchase.receipt?.status === 'sent'
            ? `Sent to ${purchase.customerEmail ?? user.email}`
            : 'On its way'}
        </dd>
        <dt>Order reference</dt>
        <dd>{purchase.id}</dd>
      </dl>
      <h2>Your file</h2>
      {download ? (
        <>
          <DownloadLink download={download} productTitle={productTitleOf(purchase)} />
          <p className="buy-note">
            Download it as often as you like. An interrupted download resumes where it stopped.
          </p>
        </>
      ) : (
        <p className="notice">{UNAVAILABLE[purchase.status]}</p>
      )}
    </article>
  )
}
