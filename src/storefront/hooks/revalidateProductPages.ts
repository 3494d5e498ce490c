import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { revalidatePath } from 'next/cache.js'

import type { ResolvedStorefrontOptions } from '../types'

type ProductLike = { id: number | string; slug?: null | string; _status?: null | string }
type Routes = ResolvedStorefrontOptions['routes']

/** The distinct page paths showing any of these products (old and new slug after a rename). */
export function productPagePaths(products: Array<ProductLike | undefined>, routes: Routes) {
  const slugs = new Set(products.map((product) => product?.slug).filter(Boolean) as string[])
  return [...new Set([...routes.catalog, ...[...slugs].map(routes.product)])]
}

/** Purges the statically rendered pages at `paths`; outside a Next.js request there is nothing to purge. */
function revalidatePaths(paths: string[], req: PayloadRequest): void {
  for (const path of paths) {
    try {
      revalidatePath(path)
    } catch (error) {
      // Seed scripts, tests and migrations run outside a Next.js request: there is no page
      // cache there to purge, and Next says so with this invariant. Anything else is a real fault.
      const outsideNext =
        error instanceof Error && error.message.includes('static generation store missing')
      if (!outsideNext) throw error
      req.payload.logger.debug(`Skipped revalidating ${path}: not inside a Next.js request.`)
    }
  }
}

/** Purges the catalog and product pages so a publish, edit or unpublish shows without a rebuild. */
export const revalidateProductPagesAfterChange =
  (routes: Routes): CollectionAfterChangeHook<ProductLike> =>
  ({ doc, previousDoc, req, context }) => {
    if (context.disableRevalidate) return doc
    // Saving a draft of a never-published product changes nothing the public sees.
    if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
    revalidatePaths(productPagePaths([doc, previousDoc], routes), req)
    return doc
  }

/** Takes a deleted product off the catalog and its page. */
export const revalidateProductPagesAfterDelete =
  (routes: Routes): CollectionAfterDeleteHook<ProductLike> =>
  ({ doc, req, context }) => {
    if (!context.disableRevalidate) revalidatePaths(productPagePaths([doc], routes), req)
    return doc
  }
