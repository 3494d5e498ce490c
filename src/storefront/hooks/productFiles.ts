import type {
  CollectionAfterChangeHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeValidateHook,
  CollectionSlug,
} from 'payload'

import fs from 'node:fs/promises'
import { APIError } from 'payload'

import { PRODUCT_FILES_SLUG, PRODUCTS_SLUG } from '../constants'

/**
 * Products name their file twice: `file`, the upload editors manage in the admin, and
 * `assetFilename`, the name under the files folder that downloads read (and that a file copied
 * there by hand can be named by). These hooks keep the second in step with the first.
 */

type ProductFileDoc = { id: number | string; filename?: null | string }
type ProductData = {
  id: number | string
  file?: null | number | string | ProductFileDoc
  assetFilename?: null | string
}

const idOf = (file: ProductData['file']) => (file && typeof file === 'object' ? file.id : file)

/**
 * Before a product is validated: its file name is the chosen upload's, so validation (which
 * refuses to publish a product whose file is not there) checks the file buyers will get.
 */
export const fillAssetFilenameFromUpload: CollectionBeforeValidateHook<ProductData> = async ({
  data,
  req,
}) => {
  const fileId = idOf(data?.file)
  if (!data || fileId === null || fileId === undefined) return data
  const upload = (await req.payload.findByID({
    collection: PRODUCT_FILES_SLUG as CollectionSlug,
    id: fileId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as null | ProductFileDoc
  return upload?.filename ? { ...data, assetFilename: upload.filename } : data
}

/**
 * After an editor uploads a new version of a product file: Payload stores it under a new name
 * (it never overwrites), so every product using the upload is pointed at the new name, in the
 * same transaction. The stored rows are updated directly, not through `payload.update`, which
 * would publish any unpublished draft an editor has open on those products.
 */
export const followNewProductFileVersion: CollectionAfterChangeHook<ProductFileDoc> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !doc.filename || doc.filename === previousDoc?.filename) return doc
  const { db } = req.payload
  await db.updateMany({
    collection: PRODUCTS_SLUG as CollectionSlug,
    where: { file: { equals: doc.id } },
    data: { assetFilename: doc.filename },
    req,
  })
  // The admin edits the latest version of a product: show it the new name as well.
  const { docs: latestVersions } = await db.findVersions({
    collection: PRODUCTS_SLUG as CollectionSlug,
    where: { and: [{ 'version.file': { equals: doc.id } }, { latest: { equals: true } }] },
    limit: 0,
    pagination: false,
    req,
  })
  for (const { id, version } of latestVersions) {
    await db.updateVersion({
      id,
      collection: PRODUCTS_SLUG as CollectionSlug,
      versionData: { version: { ...version, assetFilename: doc.filename } } as never,
      req,
    })
  }
  return doc
}

/** A file that a product sells cannot be deleted: its buyers' downloads would break. */
export const refuseDeletingProductFileInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { docs } = await req.payload.find({
    collection: PRODUCTS_SLUG as CollectionSlug,
    where: { file: { equals: id } },
    draft: true,
    limit: 3,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (docs.length === 0) return
  const titles = docs.map((product) => `"${(product as { title?: string }).title}"`).join(', ')
  throw new APIError(
    `This file is what buyers of ${titles} download. Upload a replacement on that product (or pick another file) before deleting it.`,
    409,
    null,
    true,
  )
}

/**
 * After an upload went to the bucket: its temporary file (Payload's `useTempFiles`) is removed.
 * `@payloadcms/plugin-cloud-storage` 3.90.1 clears `req.file` after uploading, so Payload's own
 * clean-up no longer finds the file, and every upload would stay on the web instance's disk.
 */
export const removeUploadTempFile: CollectionAfterChangeHook<ProductFileDoc> = async ({
  collection,
  doc,
  req,
}) => {
  const upload = collection.upload as { disableLocalStorage?: boolean }
  // While req.file is set, Payload removes its temporary file itself after the operation (and
  // on disk still needs it after this hook). The cloud storage plugin clears req.file once the
  // bucket has the upload, keeping it only in its own context: then nobody else removes it.
  const kept = (
    req.context?._payloadCloudStorage as undefined | { file?: { tempFilePath?: string } }
  )?.file?.tempFilePath
  if (upload.disableLocalStorage && !req.file && kept) await fs.rm(kept, { force: true })
  return doc
}
