import type { Product } from '@/payload-types'

import Link from 'next/link'

import { Price } from './Price'

export function ProductGrid({ products }: { products: Product[] }) {
  if (products.length === 0)
    return <p className="empty">No products are on sale yet. Check back soon.</p>
  return (
    <ul className="product-grid">
      {products.map((product) => (
        <li className="product-card" key={product.id}>
          <h2>
            <Link href={`/products/${product.slug}`}>{product.title}</Link>
          </h2>
          <Price amountCents={product.priceCents} currency={product.currency} />
        </li>
      ))}
    </ul>
  )
}
