import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { revalidatePath } from 'next/cache'

type ProductLike = { id: number | string; slug?: null | string; _status?: null | string }

function revalidateAll(paths: string[], req: PayloadRequest): void {
  for (const path of paths) {
    try {
      revalidatePath(path)
    } catch (error) {
      // Seed scripts, tests and migrations run outside a Next.js request: there is no page
      // cache there to purge, and Next says so with this invariant. Anything else is a real fault.
      if (!(error instanceof Error && error.message.includes('static generation store missing'))) throw error
      req.payload.logger.debug(`Skipped revalidating ${path}: not inside a Next.js request.`)
    }
  }
}

function pathsFor(products: Array<ProductLike | undefined>, productPaths: (slug: string) => string[]): string[] {
  const slugs = new Set(products.map((product) => product?.slug).filter((slug): slug is string => Boolean(slug)))
  return [...new Set([...slugs].flatMap(productPaths))]
}

/** Purges the catalog and product pages so a publish, edit or unpublish shows without a rebuild. */
export const revalidateProductPagesAfterChange =
  (productPaths: (slug: string) => string[]): CollectionAfterChangeHook<ProductLike> =>
  ({ doc, previousDoc, req, context }) => {
    if (context.disableRevalidate) return doc
    // Saving a draft of a never-published product changes nothing the public sees.
    if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
    revalidateAll(pathsFor([doc, previousDoc], productPaths), req)
    return doc
  }

export const revalidateProductPagesAfterDelete =
  (productPaths: (slug: string) => string[]): CollectionAfterDeleteHook<ProductLike> =>
  ({ doc, req, context }) => {
    if (!context.disableRevalidate) revalidateAll(pathsFor([doc], productPaths), req)
    return doc
  }
