import type { CollectionSlug, Payload } from 'payload'

import { PRODUCTS_SLUG } from '../constants'
import { getStorefrontOptions } from '../options'
import { productFileStoreFor } from '../storage/productFiles'
import { explainUnsafeFileName } from '../utilities/fileNames'

/** What a page shows beside a purchase's Download button. */
export type DownloadSummary = {
  /** The download endpoint for this purchase (same origin). */
  url: string
  fileName: string
  sizeBytes: number
}

/** The download endpoint's path for a purchase: `/api/products/downloads/<id>`. */
export function downloadPathFor(payload: Payload, purchaseId: number | string): string {
  return `${payload.config.routes.api}/${PRODUCTS_SLUG}/downloads/${encodeURIComponent(String(purchaseId))}`
}

/**
 * The file a purchase downloads, for display: null unless the purchase is paid and its file is
 * there. The page has already read the purchase with the shopper's own access rights; the
 * endpoint checks everything again when the button is clicked.
 */
export async function describeDownload(args: {
  payload: Payload
  purchase: { id: number | string; status: string; product?: unknown }
}): Promise<DownloadSummary | null> {
  const { payload, purchase } = args
  const product = purchase.product
  const productId =
    product && typeof product === 'object' ? (product as { id: unknown }).id : product
  if (
    purchase.status !== 'paid' ||
    (typeof productId !== 'number' && typeof productId !== 'string')
  ) {
    return null
  }
  // The product as buyers get it (its published version), even if it is unpublished now.
  const found = (await payload.findByID({
    collection: PRODUCTS_SLUG as CollectionSlug,
    id: productId,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
  })) as null | { assetFilename?: null | string }
  const fileName = found?.assetFilename
  if (!fileName || explainUnsafeFileName(fileName)) return null
  const located = await productFileStoreFor(getStorefrontOptions(payload)).locate(fileName)
  if (located.status !== 'found') return null
  return {
    url: downloadPathFor(payload, purchase.id),
    fileName,
    sizeBytes: located.file.size,
  }
}

/** What a product page and card say about the file a product sells. */
export type ProductFileSummary = { fileName: string; sizeBytes: number }

/**
 * The file a published product sells, for its page and catalog card (name and size, never the
 * file), or null when it has none yet. Read with the plugin's rights: visitors may not read
 * product files, but a file's name and size are what the shop advertises.
 */
export async function describeProductFile(args: {
  payload: Payload
  product: { assetFilename?: null | string }
}): Promise<null | ProductFileSummary> {
  const fileName = args.product.assetFilename
  if (!fileName || explainUnsafeFileName(fileName)) return null
  const located = await productFileStoreFor(getStorefrontOptions(args.payload)).locate(fileName)
  return located.status === 'found' ? { fileName, sizeBytes: located.file.size } : null
}
