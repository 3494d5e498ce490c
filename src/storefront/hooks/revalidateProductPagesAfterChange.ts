import type { CollectionAfterChangeHook } from 'payload'

import { productPagePaths } from '../utilities/productPagePaths'
import { revalidatePaths } from '../utilities/revalidatePaths'

type ProductLike = { id: number | string; slug?: null | string; _status?: null | string }

/** Purges the catalog and product pages so a publish, edit or unpublish shows without a rebuild. */
export const revalidateProductPagesAfterChange =
  (productPaths: (slug: string) => string[]): CollectionAfterChangeHook<ProductLike> =>
  ({ doc, previousDoc, req, context }) => {
    if (context.disableRevalidate) return doc
    // Saving a draft of a never-published product changes nothing the public sees.
    if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
    revalidatePaths(productPagePaths([doc, previousDoc], productPaths), req)
    return doc
  }
