import type { Metadata } from 'next'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'

import { BuyButton } from '@/components/BuyButton'
import { CanceledCheckoutNotice } from '@/components/CanceledCheckoutNotice'
import { OwnedOrBuy } from '@/components/OwnedOrBuy'
import { fileKind } from '@/components/fileKind'
import { formatFileSize } from '@/components/formatFileSize'
import { Price } from '@/components/Price'
import { ProductImage } from '@/components/ProductImage'

import { describeProductFiles } from '../../_data/describeProductFiles'
import { findPublishedProduct } from '../../_data/findPublishedProduct'
import { listPublishedProducts } from '../../_data/listPublishedProducts'

type Args = { params: Promise<{ slug: string }> }

// Pages are built statically and purged by the plugin's revalidate hook when an editor changes a product;
// a product published after the build renders on its first visit.
export const dynamicParams = true

export async function generateStaticParams() {
  const products = await listPublishedProducts()
  return products.map(({ slug }) => ({ slug }))
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const product = await findPublishedProduct((await params).slug)
  return { title: product?.title ?? 'Product not found' }
}

export default async function ProductPage({ params }: Args) {
  const product = await findPublishedProduct((await params).slug)
  if (!product) notFound()
  const file = (await describeProductFiles([product])).get(product.id)
  return (
    <article className="product">
      {/* Reads the query string in the browser, so the page itself stays static. */}
      <Suspense fallback={null}>
        <CanceledCheckoutNotice />
      </Suspense>
      <ProductImage image={product.image} width={720} priority />
      <h1>{product.title}</h1>
      <p className="product-price">
        <Price amountCents={product.priceCents} currency={product.currency} />
      </p>
      {product.description ? (
        <RichText className="product-description" data={product.description} />
      ) : null}
      {/* Reads ?buy=1 in the browser; without JavaScript (and until then) it is the Buy button. */}
      <section className="what-you-get" aria-labelledby="what-you-get">
        <h2 id="what-you-get">What you get</h2>
        <ul>
          {file ? (
            <li>
              {fileKind(file.fileName)}: <strong>{file.fileName}</strong> (
              {formatFileSize(file.sizeBytes)})
            </li>
          ) : null}
          <li>A download right after payment, as often as you like, from your account.</li>
          <li>A receipt by email. Payment is handled securely by Stripe.</li>
        </ul>
      </section>
      <Suspense fallback={<BuyButton productSlug={product.slug} />}>
        <OwnedOrBuy
          productId={product.id}
          productSlug={product.slug}
          productTitle={product.title}
        />
      </Suspense>
    </article>
  )
}
