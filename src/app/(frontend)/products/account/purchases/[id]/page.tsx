import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'

import { DownloadLink } from '@/components/DownloadLink'
import { Price } from '@/components/Price'
import { productTitleOf } from '@/components/productTitleOf'
import { describePurchaseState } from '@/components/purchaseState'
import { PurchaseStatusBadge } from '@/components/PurchaseStatusBadge'

import { describeDownloads } from '../../../../_data/describeDownloads'
import { findOwnPurchase } from '../../../../_data/findOwnPurchase'
import { getSignedInUser } from '../../../../_data/getSignedInUser'

export const metadata: Metadata = { title: 'Your purchase' }

type Args = { params: Promise<{ id: string }> }

/** One purchase and its download, for its shopper only: anyone else's id is a 404. */
export default async function PurchasePage({ params }: Args) {
  const { id } = await params
  const user = await getSignedInUser()
  if (!user)
    redirect(`/login?callbackUrl=${encodeURIComponent(`/products/account/purchases/${id}`)}`)
  const purchase = await findOwnPurchase(user, id)
  if (!purchase) notFound()
  const download = (await describeDownloads([purchase])).get(purchase.id)
  const state = describePurchaseState({ ...purchase, email: user.email })
  const title = productTitleOf(purchase)

  return (
    <article className="purchase">
      <p>
        <Link href="/products/account">← Your purchases</Link>
      </p>
      <h1>{title}</h1>
      <dl className="purchase-details">
        <dt>Status</dt>
        <dd>
          <PurchaseStatusBadge status={purchase.status} />
        </dd>
        <dt>Amount</dt>
        <dd>
          <Price amountCents={purchase.amountCents} currency={purchase.currency} />
        </dd>
        <dt>{purchase.status === 'failed' ? 'Attempted' : 'Ordered'}</dt>
        <dd>
          <time dateTime={purchase.createdAt}>
            {new Date(purchase.createdAt).toLocaleString('en-US', {
              dateStyle: 'medium',
              timeStyle: 'short',
            })}
          </time>
        </dd>
        <dt>Receipt</dt>
        <dd>{state.receipt}</dd>
        <dt>Order reference</dt>
        <dd>{purchase.id}</dd>
      </dl>
      <h2>Your file</h2>
      {download ? (
        <>
          <DownloadLink download={download} productTitle={title} />
          <p className="buy-note">
            Download it as often as you like. An interrupted download resumes where it stopped.
          </p>
        </>
      ) : (
        <div className="notice purchase-state" role="status">
          <p>
            {purchase.status === 'paid'
              ? 'Your file is being prepared. Please check back shortly; if it stays unavailable, reply to your receipt email.'
              : state.explanation}
          </p>
          {state.next ? (
            <p>
              <Link className="action-link" href={state.next.href}>
                {state.next.label}
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </article>
  )
}
