import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

import { DOWNLOAD_CHUNK_BYTES } from '../constants'

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

/**
 * Where product files live. Downloads ask only these two questions, so object storage (the
 * S3 adapter of a later release) can answer them without changing the download operation.
 */
export type ProductFileStore = {
  locate: (name: string) => Promise<LocateResult>
  /**
   * The bytes of `range` (the whole file without one) as a Web stream read in 1 MiB chunks.
   * Cancelling the stream closes the file at once.
   */
  read: (name: string, range?: ByteRange) => ReadableStream<Uint8Array>
}

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** Product files in a folder on this machine's disk (`productFilesDir`). */
export function createLocalProductFileStore(folder: string): ProductFileStore {
  const root = path.resolve(folder)
  const resolve = (name: string) => path.resolve(root, name)

  return {
    async locate(name) {
      const file = resolve(name)
      if (name.includes('\0') || !isInside(root, file)) return { status: 'outside' }
      let realFile: string
      try {
        realFile = await fs.realpath(file)
      } catch {
        return { status: 'missing' }
      }
      // A symlink inside the folder must not lead out of it.
      if (!isInside(await fs.realpath(root), realFile)) return { status: 'outside' }
      const stats = await fs.stat(realFile)
      if (!stats.isFile()) return { status: 'missing' }
      const etag = `"${[stats.size, Math.trunc(stats.mtimeMs), stats.ino].map((n) => n.toString(36)).join('-')}"`
      return { status: 'found', file: { size: stats.size, modifiedAt: stats.mtime, etag } }
    },

    read(name, range) {
      const stream = createReadStream(resolve(name), {
        highWaterMark: DOWNLOAD_CHUNK_BYTES,
        ...(range ? { start: range.start, end: range.end } : {}),
      })
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>
    },
  }
}

/** The store the plugin's options describe: one place to choose it, for every caller. */
export function productFileStoreFor(options: { productFilesDir: string }): ProductFileStore {
  return createLocalProductFileStore(options.productFilesDir)
}
