import type { FileHandle } from 'node:fs/promises'

import fs from 'node:fs/promises'
import path from 'node:path'

import type { ResolvedStorefrontOptions } from '../types'
import type { ByteRange, ProductFileStore } from './types'

import { DOWNLOAD_CHUNK_BYTES } from '../constants'
import { createS3ProductFileStore } from './s3'

export type { ByteRange, LocateResult, PresignArgs, ProductFileStore, StoredFile } from './types'

function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * `range` of a file as a pull stream: each chunk the consumer asks for is one 1 MiB read into a
 * fresh buffer, and nothing is read ahead. Not `Readable.toWeb(createReadStream(...))`: that
 * adapter reads two chunks ahead per download and adds a layer of promises per chunk, which under
 * 16 concurrent downloads measured about twice the CPU and garbage (bench/, README).
 */
function readRange(file: string, range: ByteRange): ReadableStream<Uint8Array> {
  const end = range.end + 1
  let position = range.start
  let handle: FileHandle | undefined
  let closed = false
  const close = async () => {
    closed = true
    const open = handle
    handle = undefined
    // FileHandle.close() waits for a read in progress, so a cancel during a read is safe.
    await open?.close()
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (position >= end) {
            await close()
            controller.close()
            return
          }
          handle ??= await fs.open(file, 'r')
          const buffer = Buffer.allocUnsafeSlow(Math.min(DOWNLOAD_CHUNK_BYTES, end - position))
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
          if (closed) return // cancelled while reading
          if (bytesRead === 0) {
            // The file got shorter since it was measured: fail the response (the client sees
            // it cut) rather than end it short as if it were complete.
            throw new Error(`${file} ended at byte ${position}, before the ${end} announced.`)
          }
          position += bytesRead
          controller.enqueue(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead))
        } catch (error) {
          await close()
          controller.error(error)
        }
      },
      cancel: close,
    },
    { highWaterMark: 0 },
  )
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
      return readRange(resolve(name), range)
    },
  }
}

/** The store the plugin's options describe: one place to choose it, for every caller. */
export function productFileStoreFor(
  options: Pick<ResolvedStorefrontOptions, 'productFilesDir' | 's3'>,
): ProductFileStore {
  return options.s3
    ? createS3ProductFileStore(options.s3)
    : createLocalProductFileStore(options.productFilesDir)
}
