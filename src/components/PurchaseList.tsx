import type { Purchase } from '@/payload-types'
import type { DownloadSummary } from 'payload-plugin-storefront'

import Link from 'next/link'

import { DownloadLink } from './DownloadLink'
import { Price } from './Price'
import { productTitleOf } from './productTitleOf'
import { PurchaseStatusBadge } from './PurchaseStatusBadge'

type Props = {
  purchases: Purchase[]
  /** The download of each purchase that has one (paid, file there), by purchase id. */
  downloads: Map<number, DownloadSummary>
}

export function PurchaseList({ purchases, downloads }: Props) {
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
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
