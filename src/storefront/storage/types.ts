/** What a download needs to know about a stored product file before sending a byte. */
export type StoredFile = {
  size: number
  modifiedAt: Date
  /**
   * A strong validator (RFC 9110 §8.8.3): it changes whenever the bytes may have, so If-Range
   * never splices a resumed download onto a different file.
   */
  etag: string
}

/** Both ends inclusive, as in `Content-Range`. */
export type ByteRange = { start: number; end: number }

export type LocateResult =
  | { status: 'found'; file: StoredFile }
  | { status: 'missing' }
  /** The name resolves outside the store's folder (`..`, an absolute path, a symlink out). */
  | { status: 'outside' }

/** What a presigned URL makes the storage answer with, besides the bytes. */
export type PresignArgs = {
  /** The `Content-Disposition` header the storage sends with the file. */
  contentDisposition: string
  contentType: string
  expiresInSeconds: number
}

/**
 * Where product files live: on disk (`productFilesDir`) or in an S3 bucket (storage/s3.ts).
 * Downloads ask only these questions, so either answers without the operation knowing which.
 */
export type ProductFileStore = {
  locate: (name: string) => Promise<LocateResult>
  /**
   * The bytes of `range` as a Web stream read in 1 MiB chunks, one read per chunk asked for.
   * The file is opened at the first read and closed at the end, on an error, or at once when the
   * stream is cancelled (the client went away). `etag` (from `locate`) pins the version
   * measured, where the store can: object storage then fails rather than send another file.
   */
  read: (name: string, range: ByteRange, etag?: string) => ReadableStream<Uint8Array>
  /**
   * A URL the shopper's browser can fetch the file from directly, for a few minutes; only
   * object storage has one (`delivery: 'redirect'`).
   */
  presign?: (name: string, args: PresignArgs) => Promise<string>
}
