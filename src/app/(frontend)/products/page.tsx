import type { Metadata } from 'next'

import { ProductGrid } from '@/components/ProductGrid'

import { describeProductFiles } from '../_data/describeProductFiles'
import { listPublishedProducts } from '../_data/listPublishedProducts'

export const metadata: Metadata = { title: 'Products' }

export default async function ProductsPage() {
  const products = await listPublishedProducts()
  const files = await describeProductFiles(products)
  return (
    <>
      <h1>Products</h1>
      <ProductGrid products={products} files={files} />
    </>
  )
}
