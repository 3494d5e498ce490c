import type { Product } from '@/payload-types'

import { findPublishedProduct } from './findPublishedProduct'

/** `/products/<slug>`: a product page of this shop (not the account pages below /products). */
const PRODUCT_PAGE = /^\/products\/([a-z0-9][a-z0-9-]*)(?:[?#].*)?$/

/**
 * The published product a sign-in's callbackUrl returns to, or null: lets the sign-in page say
 * "Sign in to buy <product>" instead of a bare "Sign in".
 */
export async function productFromCallback(callbackUrl: string): Promise<Product | null> {
  const slug = PRODUCT_PAGE.exec(callbackUrl)?.[1]
  if (!slug || slug === 'account') return null
  return findPublishedProduct(slug)
}
