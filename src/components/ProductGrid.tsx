import type { Product } from '@/payload-types'
import type { ProductFileSummary } from 'payload-plugin-storefront'

import Link from 'next/link'

import { fileKind } from './fileKind'
import { formatFileSize } from './formatFileSize'
import { plainTextSummary } from './plainTextSummary'
import { Price } from './Price'
import { ProductImage } from './ProductImage'

type Props = {
  products: Product[]
  /** The file each product sells, by product id (a product without one yet is left out). */
  files: Map<number, ProductFileSummary>
}

export function ProductGrid({ products, files }: Props) {
  if (products.length === 0)
    return <p className="empty">No products are on sale yet. Check back soon.</p>
  return (
    <ul className="product-grid">
      {products.map((product) => {
        const summary = plainTextSummary(product.description)
        const file = files.get(product.id)
        return (
          <li className="product-card" key={product.id}>
            <ProductImage image={product.image} width={320} />
            <h2>
              <Link href={`/products/${product.slug}`}>{product.title}</Link>
            </h2>
            {summary ? <p className="product-summary">{summary}</p> : null}
            <p className="product-meta">
              <Price amountCents={product.priceCents} currency={product.currency} />
              {file ? (
                <span className="file-info">
                  {fileKind(file.fileName)} · {formatFileSize(file.sizeBytes)}
                </span>
              ) : null}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
