import type { Purchase } from '@/payload-types'

/** The product's current title, or the slug recorded at purchase when the product was deleted. */
export function productTitleOf(purchase: Purchase): string {
  return typeof purchase.product === 'object' && purchase.product
    ? purchase.product.title
    : purchase.productSlug
}
