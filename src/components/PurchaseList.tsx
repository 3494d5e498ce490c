import type { Purchase } from '@/payload-types'
import type { DownloadSummary } from 'payload-plugin-storefront'

import Link from 'next/link'

import { DownloadLink } from './DownloadLink'
import { Price } from './Price'
import { describePurchaseState } from './purchaseState'
import { productTitleOf } from './productTitleOf'
import { PurchaseStatusBadge } from './PurchaseStatusBadge'

type Props = {
  purchases: Purchase[]
  /** The download of each purchase that has one (paid, file there), by purchase id. */
  downloads: Map<number, DownloadSummary>
  /** The shopper's email, for what a pending purchase's row promises. */
  email: string
}

export function PurchaseList({ purchases, downloads, email }: Props) {
  if (purchases.length === 0) {
    return (
      <p className="empty">
        No purchases yet. <Link href="/products">Browse the products</Link>.
      </p>
    )
  }
  return (
    <ul className="purchase-list">
      {purchases.map((purchase) => {
        const download = downloads.get(purchase.id)
        const state = describePurchaseState({ ...purchase, email })
        return (
          <li key={purchase.id} className="purchase-row">
            <Link className="purchase-title" href={`/products/account/purchases/${purchase.id}`}>
              {productTitleOf(purchase)}
            </Link>
            <Price amountCents={purchase.amountCents} currency={purchase.currency} />
            <PurchaseStatusBadge status={purchase.status} />
            <time dateTime={purchase.createdAt}>
              {new Date(purchase.createdAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}
            </time>
            {download ? (
              <DownloadLink download={download} productTitle={productTitleOf(purchase)} />
            ) : purchase.status !== 'paid' ? (
              <p className="purchase-row-note">
                {state.explanation}{' '}
                {state.next ? (
                  <Link className="action-link" href={state.next.href}>
                    {state.next.label}
                  </Link>
                ) : null}
              </p>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
