import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

import type { ProductFilesS3Options } from '../types'
import type { ByteRange, ProductFileStore } from './types'

/** One client (and so one pool of keep-alive connections) per bucket per process. */
const clients = new Map<string, S3Client>()

function clientFor(s3: ProductFilesS3Options): S3Client {
  const key = JSON.stringify([s3.bucket, s3.config.endpoint, s3.config.region])
  let client = clients.get(key)
  if (!client) {
    client = new S3Client(s3.config)
    clients.set(key, client)
  }
  return client
}

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as {
    name?: string
    $metadata?: { httpStatusCode?: number }
  }
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404
}

/**
 * `range` of an object as a pull stream: one GET with that Range at the first read, its body
 * handed over chunk by chunk as the consumer asks. `If-Match` pins the object measured by
 * `locate`, so a file replaced meanwhile fails the response rather than splicing two files.
 * A cancel (the client went away) aborts the GET at once.
 */
function readObject(args: {
  client: S3Client
  bucket: string
  key: string
  range: ByteRange
  etag: string | undefined
}): ReadableStream<Uint8Array> {
  const { client, bucket, key, range, etag } = args
  const abort = new AbortController()
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!reader) {
            const object = await client.send(
              new GetObjectCommand({
                Bucket: bucket,
                Key: key,
                Range: `bytes=${range.start}-${range.end}`,
                IfMatch: etag,
              }),
              { abortSignal: abort.signal },
            )
            if (!object.Body) throw new Error(`S3 answered no body for ${key}.`)
            reader = object.Body.transformToWebStream().getReader()
          }
          const { done, value } = await reader.read()
          if (done) controller.close()
          else controller.enqueue(value)
        } catch (error) {
          abort.abort()
          controller.error(error)
        }
      },
      async cancel(reason) {
        abort.abort()
        await reader?.cancel(reason).catch(() => undefined)
      },
    },
    { highWaterMark: 0 },
  )
}

/**
 * Product files in an S3-compatible bucket, under the keys `@payloadcms/storage-s3` writes
 * (the upload's file name; the collection sets no prefix). Names are never paths here, so
 * nothing is `outside`; the operation still refuses unsafe names before asking.
 */
export function createS3ProductFileStore(s3: ProductFilesS3Options): ProductFileStore {
  const { bucket } = s3
  return {
    async locate(name) {
      try {
        const head = await clientFor(s3).send(new HeadObjectCommand({ Bucket: bucket, Key: name }))
        return {
          status: 'found',
          file: {
            size: head.ContentLength ?? 0,
            modifiedAt: head.LastModified ?? new Date(0),
            // S3's ETag changes with the bytes (MD5, or a digest of the parts) and is quoted.
            etag: head.ETag ?? `"${name}"`,
          },
        }
      } catch (error) {
        if (isNotFound(error)) return { status: 'missing' }
        throw error
      }
    },

    read(name, range, etag) {
      return readObject({ client: clientFor(s3), bucket, key: name, range, etag })
    },

    presign(name, { contentDisposition, contentType, expiresInSeconds }) {
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: name,
        // S3 answers the presigned GET with these headers, so the browser saves the file
        // under its name and never renders it.
        ResponseContentDisposition: contentDisposition,
        ResponseContentType: contentType,
        ResponseCacheControl: 'private, no-store',
      })
      return getSignedUrl(clientFor(s3), command, { expiresIn: expiresInSeconds })
    },
  }
}
