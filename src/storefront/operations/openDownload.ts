import type { CollectionSlug, Payload } from 'payload'

import { create as contentDisposition } from 'content-disposition'
import mime from 'mime-types'
import { isValidID } from 'payload'

import type { PurchaseDoc, PurchaseStatus } from '../fulfilment/types'
import type { ByteRange, ProductFileStore, StoredFile } from '../storage/productFiles'
import type { ResolvedStorefrontOptions } from '../types'

import { PRODUCTS_SLUG, PURCHASES_SLUG } from '../constants'
import { recordDownload } from '../delivery/downloadLog'
import { meteredStream } from '../delivery/meteredStream'
import { decideRange } from '../delivery/ranges'
import { StorefrontError } from '../errors'
import { explainUnsafeFileName } from '../utilities/fileNames'

/** The request as the operation needs it; the endpoint reads these from HTTP. */
export type DownloadRequest = {
  /** HEAD answers with the same headers and no body (and is not logged: nothing was sent). */
  method: 'GET' | 'HEAD'
  range: null | string
  ifRange: null | string
  ip: null | string
  userAgent: null | string
}

export type OpenDownloadArgs = {
  payload: Payload
  options: ResolvedStorefrontOptions
  store: ProductFileStore
  /** The signed-in shopper, or null; the endpoint has already checked which collection. */
  user: { id: number | string } | null
  /** As it arrived in the URL: anything at all. */
  purchaseId: string
  request: DownloadRequest
}

export type OpenedDownload =
  | {
      kind: 'file'
      fileName: string
      contentType: string
      file: StoredFile
      /** The bytes being sent; null for the whole file. */
      range: ByteRange | null
      /** Null for HEAD. */
      body: ReadableStream<Uint8Array> | null
    }
  | { kind: 'unsatisfiable'; file: StoredFile; message: string }
  /** `delivery: 'redirect'`: the checks passed; the bytes come from this presigned URL. */
  | { kind: 'redirect'; url: string }

/** Why a purchase that is not `paid` has nothing to download, for the shopper to read. */
const NOT_DOWNLOADABLE: Record<Exclude<PurchaseStatus, 'paid'>, string> = {
  pending:
    'Your payment is still being processed. The download unlocks as soon as it clears; we will email you.',
  failed:
    'The payment for this purchase failed, so there is nothing to download. You can buy the product again from its page.',
  refunded: 'This purchase was refunded, so its download is no longer available.',
  disputed:
    'The payment for this purchase is disputed, so its download is paused until the dispute is resolved.',
  revoked:
    'Access to this purchase was withdrawn. If you think this is a mistake, reply to your receipt email.',
}

/** PostgreSQL `serial` ids are 32-bit: anything larger cannot name a purchase (and would make the query fail). */
const MAX_SERIAL_ID = 2 ** 31 - 1

/** True when `value` can be an id of `collection` at all, so a malformed one is a 404, not a failed query. */
function isPossibleId(payload: Payload, collection: string, value: string): boolean {
  const idType = payload.collections[collection as CollectionSlug]?.customIDType
  if (idType === 'text') return value.length > 0 && value.length <= 255
  if (idType === 'number' || payload.db.defaultIDType === 'number') {
    return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_SERIAL_ID
  }
  return isValidID(value, payload.db.defaultIDType)
}

const idOf = (value: unknown): null | number | string =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : (value as null)

/**
 * Checks, at every request, that `user` may download the file of purchase `purchaseId` now, and
 * opens it: whole, one byte range, or the headers only (HEAD); or, with S3 and
 * `delivery: 'redirect'`, presigns a GET of it (Range then goes to S3 directly). Each GET that
 * streams is logged in the downloads log when it ends, each redirect when it is answered.
 * @throws StorefrontError 401 signed out, 404 no such purchase, 403 another user's or not paid,
 *   410 product deleted, 400 file name escapes the files folder, 500 file missing
 */
export async function openDownload(args: OpenDownloadArgs): Promise<OpenedDownload> {
  const { payload, options, store, user, purchaseId, request } = args
  if (!user) {
    const back = /^\w+$/.test(purchaseId)
      ? options.routes.purchase(purchaseId)
      : options.routes.account
    throw new StorefrontError('Sign in to download your purchase.', 401, {
      loginUrl: `${options.routes.login}?callbackUrl=${encodeURIComponent(back)}`,
    })
  }

  const purchase = isPossibleId(payload, PURCHASES_SLUG, purchaseId)
    ? ((await payload.findByID({
        collection: PURCHASES_SLUG as CollectionSlug,
        id: purchaseId,
        depth: 0,
        // The purchase's downloads log is not needed here and would cost a query. (`false` is
        // typed per collection slug; for the plugin's untyped slug it has to be asserted.)
        joins: false as never,
        overrideAccess: true,
        disableErrors: true,
      })) as unknown as PurchaseDoc | null)
    : null
  if (!purchase) {
    throw new StorefrontError(
      `There is no purchase ${JSON.stringify(purchaseId)}. Open your account page and use the Download button there.`,
      404,
    )
  }
  if (String(idOf(purchase.user)) !== String(user.id)) {
    throw new StorefrontError(
      'This purchase belongs to another account. Sign in with the account that bought it.',
      403,
    )
  }
  if (purchase.status !== 'paid') throw new StorefrontError(NOT_DOWNLOADABLE[purchase.status], 403)

  const productId = idOf(purchase.product)
  const product =
    productId === null
      ? null
      : ((await payload.findByID({
          collection: PRODUCTS_SLUG as CollectionSlug,
          id: productId,
          depth: 0,
          draft: false,
          overrideAccess: true,
          disableErrors: true,
        })) as unknown as { assetFilename?: null | string } | null)
  if (!product) {
    throw new StorefrontError(
      `"${purchase.productSlug}" has been removed from the shop, so its file can no longer be downloaded. Reply to your receipt email and we will sort it out.`,
      410,
    )
  }

  const fileName = product.assetFilename ?? ''
  const missing = () => {
    payload.logger.error(
      { purchase: purchase.id, product: productId, fileName },
      `Download refused: the file of product "${purchase.productSlug}" is missing from the product files folder. Upload it again in the admin.`,
    )
    return new StorefrontError(
      'The file for this purchase is missing on our side. Please try again later; if it keeps failing, reply to your receipt email.',
      500,
    )
  }
  if (!fileName) throw missing()
  // The field is validated when saved; this check is here too so that no stored value, however
  // it got there, can make the endpoint read outside the files folder.
  const located = explainUnsafeFileName(fileName)
    ? ({ status: 'outside' } as const)
    : await store.locate(fileName)
  if (located.status === 'outside') {
    payload.logger.error(
      { purchase: purchase.id, product: productId, fileName },
      'Download refused: the product file name points outside the product files folder.',
    )
    throw new StorefrontError(
      "This product's file name is not a plain name inside the product files folder, so it cannot be downloaded. The shop has to fix the product's file; reply to your receipt email.",
      400,
    )
  }
  if (located.status === 'missing') throw missing()

  const { file } = located
  const contentType = mime.lookup(fileName) || 'application/octet-stream'
  if (request.method === 'GET' && store.presign && options.s3?.delivery === 'redirect') {
    const url = await store.presign(fileName, {
      contentDisposition: contentDisposition(fileName),
      contentType,
      expiresInSeconds: options.s3.presignedUrlExpiresInSeconds,
    })
    const now = new Date()
    void recordDownload(payload, {
      purchase: purchase.id,
      user: user.id,
      fileName,
      range: request.range,
      httpStatus: 302,
      bytesSent: 0,
      outcome: 'redirected',
      ip: request.ip,
      userAgent: request.userAgent,
      startedAt: now,
      finishedAt: now,
    })
    return { kind: 'redirect', url }
  }

  const decision = decideRange({ file, range: request.range, ifRange: request.ifRange })
  if (decision.kind === 'unsatisfiable') {
    return {
      kind: 'unsatisfiable',
      file,
      message: `The requested range ${JSON.stringify(request.range)} is outside the file, which is ${file.size} bytes long. Start the download again from the beginning.`,
    }
  }
  const range = decision.kind === 'partial' ? decision.range : null
  if (request.method === 'HEAD') {
    return { kind: 'file', fileName, contentType, file, range, body: null }
  }

  const startedAt = new Date()
  // Always an explicit range, so the body is exactly what Content-Length announced even if the
  // file changes on disk meanwhile.
  const bytes = range ?? { start: 0, end: file.size - 1 }
  const body = meteredStream({
    open: () => store.read(fileName, bytes, file.etag),
    expectedBytes: bytes.end - bytes.start + 1,
    onEnd: ({ outcome, bytesSent }) =>
      void recordDownload(payload, {
        purchase: purchase.id,
        user: user.id,
        fileName,
        range: range ? request.range : null,
        httpStatus: range ? 206 : 200,
        bytesSent,
        outcome,
        ip: request.ip,
        userAgent: request.userAgent,
        startedAt,
        finishedAt: new Date(),
      }),
  })
  return { kind: 'file', fileName, contentType, file, range, body }
}
