import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'

import { Price } from '@/components/Price'
import { productTitleOf } from '@/components/productTitleOf'
import { PurchaseStatusBadge } from '@/components/PurchaseStatusBadge'

import { getPayloadClient } from '../../../../_data/getPayloadClient'
import { getSignedInUser } from '../../../../_data/getSignedInUser'

export const metadata: Metadata = { title: 'Your purchase' }

type Args = { params: Promise<{ id: string }> }

/** One purchase, readable only by its shopper (and staff): access control decides, not this page. */
export default async function PurchasePage({ params }: Args) {
  const { id } = await params
  const user = await getSignedInUser()
  if (!user)
    redirect(`/login?callbackUrl=${encodeURIComponent(`/products/account/purchases/${id}`)}`)
  if (!/^\d+$/.test(id)) notFound()

  const payload = await getPayloadClient()
  const purchase = await payload.findByID({
    collection: 'purchases',
    id: Number(id),
    depth: 1,
    overrideAccess: false,
    user,
    disableErrors: true,
  })
  if (!purchase) notFound()

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
      {purchase.status === 'paid' ? (
        <p className="notice">
          Your file is yours to keep. The download button arrives here with the next release of the
          shop.
        </p>
      ) : (
        <p className="notice">
          This purchase is {purchase.status}, so there is nothing to download.
        </p>
      )}
    </article>
  )
}
