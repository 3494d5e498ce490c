import type { Endpoint, PayloadHandler } from 'payload'

import { create as contentDisposition } from 'content-disposition'

import type { OpenedDownload } from '../operations/openDownload'
import type { ResolvedStorefrontOptions } from '../types'

import { openDownload } from '../operations/openDownload'
import { productFileStoreFor } from '../storage/productFiles'
import { errorResponse, jsonError } from './http'

/**
 * The download's path inside the products collection: `GET|HEAD /api/products/downloads/:id`.
 * A root endpoint at that path is never reached, because Payload routes `/api/products/*` to
 * the collection.
 */
export const DOWNLOAD_ENDPOINT_PATH = '/downloads/:purchaseId'

/** A file is for this shopper only: never kept by a browser or proxy cache. */
const PRIVATE = 'private, no-store'

/** The headers of RFC 9110 for a file, its validators and (for a 206) the range sent. */
function fileResponse(download: Extract<OpenedDownload, { kind: 'file' }>): Response {
  const { file, range } = download
  const headers = new Headers({
    'Content-Type': download.contentType,
    // attachment + RFC 6266 filename*: quotes, CR/LF, semicolons and non-ASCII are escaped or
    // encoded by the library, never pasted in.
    'Content-Disposition': contentDisposition(download.fileName),
    'Content-Length': String(range ? range.end - range.start + 1 : file.size),
    'Cache-Control': PRIVATE,
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    ETag: file.etag,
    'Last-Modified': file.modifiedAt.toUTCString(),
  })
  if (range) headers.set('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`)
  return new Response(download.body, { status: range ? 206 : 200, headers })
}

/** 416 with the size, so the client can ask again for bytes that exist. */
function unsatisfiableResponse(download: Extract<OpenedDownload, { kind: 'unsatisfiable' }>) {
  const response = jsonError(416, download.message)
  response.headers.set('Content-Range', `bytes */${download.file.size}`)
  response.headers.set('Cache-Control', PRIVATE)
  response.headers.set('Accept-Ranges', 'bytes')
  return response
}

/** 302 to the presigned URL; never cached, since the URL is a bearer token for minutes. */
function redirectResponse(url: string): Response {
  return new Response(null, {
    status: 302,
    headers: { Location: url, 'Cache-Control': PRIVATE, 'Referrer-Policy': 'no-referrer' },
  })
}

/**
 * `GET|HEAD /api/products/downloads/:purchaseId` (contract in DESIGN.md): reads the request,
 * lets `openDownload` check the purchase and open the file, and answers with the file, a range
 * of it, or the error's status and sentence.
 */
export function createDownloadEndpoints(options: ResolvedStorefrontOptions): Endpoint[] {
  const store = productFileStoreFor(options)

  const handler: PayloadHandler = async (req) => {
    try {
      const download = await openDownload({
        payload: req.payload,
        options,
        store,
        user: req.user?.collection === options.usersSlug ? req.user : null,
        purchaseId: String(req.routeParams?.purchaseId ?? ''),
        request: {
          method: req.method?.toUpperCase() === 'HEAD' ? 'HEAD' : 'GET',
          range: req.headers.get('range'),
          ifRange: req.headers.get('if-range'),
          // Next.js fills X-Forwarded-For with the socket's address when no proxy set it.
          ip: req.headers.get('x-forwarded-for'),
          userAgent: req.headers.get('user-agent'),
        },
      })
      if (download.kind === 'redirect') return redirectResponse(download.url)
      return download.kind === 'file' ? fileResponse(download) : unsatisfiableResponse(download)
    } catch (error) {
      return errorResponse(error, req)
    }
  }

  return [
    { path: DOWNLOAD_ENDPOINT_PATH, method: 'get', handler },
    // Next.js answers HEAD with the route's GET handler; Payload then looks for a `head` endpoint.
    { path: DOWNLOAD_ENDPOINT_PATH, method: 'head', handler },
  ]
}
