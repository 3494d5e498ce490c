import type { CollectionAfterDeleteHook } from 'payload'

import { productPagePaths } from '../utilities/productPagePaths'
import { revalidatePaths } from '../utilities/revalidatePaths'

type ProductLike = { id: number | string; slug?: null | string }

/** Takes a deleted product off the catalog and its page. */
export const revalidateProductPagesAfterDelete =
  (productPaths: (slug: string) => string[]): CollectionAfterDeleteHook<ProductLike> =>
  ({ doc, req, context }) => {
    if (!context.disableRevalidate) revalidatePaths(productPagePaths([doc], productPaths), req)
    return doc
  }
