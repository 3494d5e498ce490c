import type { Purchase } from '@/payload-types'

import Link from 'next/link'

import { Price } from './Price'
import { productTitleOf } from './productTitleOf'
import { PurchaseStatusBadge } from './PurchaseStatusBadge'

export function PurchaseList({ purchases }: { purchases: Purchase[] }) {
  if (purchases.length === 0) {
    return (
      <p className="empty">
        No purchases yet. <Link href="/products">Browse the products</Link>.
      </p>
    )
  }
  return (
    <ul className="purchase-list">
      {purchases.map((purchase) => (
        <li key={purchase.id} className="purchase-row">
          <Link href={`/products/account/purchases/${purchase.id}`}>
            {productTitleOf(purchase)}
          </Link>
          <Price amountCents={purchase.amountCents} currency={purchase.currency} />
          <PurchaseStatusBadge status={purchase.status} />
          <time dateTime={purchase.createdAt}>
            {new Date(purchase.createdAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}
          </time>
        </li>
      ))}
    </ul>
  )
}
