import { ProductGrid } from '@/components/ProductGrid'

import { describeProductFiles } from './_data/describeProductFiles'
import { listPublishedProducts } from './_data/listPublishedProducts'

export default async function HomePage() {
  const products = await listPublishedProducts()
  const files = await describeProductFiles(products)
  return (
    <>
      <section className="hero">
        <h1>Tools for small teams, delivered instantly</h1>
        <p>Buy once, download right away, and keep access from your account.</p>
      </section>
      <ProductGrid products={products} files={files} />
    </>
  )
}
