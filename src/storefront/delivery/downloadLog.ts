import type { CollectionSlug, Payload } from 'payload'

import { DOWNLOADS_SLUG } from '../constants'

/**
 * completed: every byte of the response was handed to the client; aborted: it stopped early;
 * redirected: sent to a presigned URL of the bucket (S3 `delivery: 'redirect'`), which serves
 * the bytes where this server cannot count them.
 */
export const DOWNLOAD_OUTCOMES = ['completed', 'aborted', 'redirected'] as const

export type DownloadOutcome = (typeof DOWNLOAD_OUTCOMES)[number]

/** One row of the downloads log: one streamed response. */
export type DownloadLogEntry = {
  purchase: number | string
  user: number | string
  fileName: string
  /** The `Range` header as the client sent it; null for a whole-file request. */
  range: null | string
  httpStatus: 200 | 206 | 302
  bytesSent: number
  outcome: DownloadOutcome
  ip: null | string
  userAgent: null | string
  startedAt: Date
  finishedAt: Date
}

/** Header values are the client's to choose: keep the log rows a sane size. */
const MAX_HEADER_CHARS = 512
const clip = (value: null | string) => (value === null ? null : value.slice(0, MAX_HEADER_CHARS))

/**
 * Adds a row to the downloads log once a response has ended. Called from the stream's end and
 * never awaited by it, so logging adds no time to a download; a failed insert is logged, not
 * thrown (the shopper already has the bytes).
 */
export function recordDownload(payload: Payload, entry: DownloadLogEntry): Promise<void> {
  const data = {
    ...entry,
    range: clip(entry.range),
    ip: clip(entry.ip),
    userAgent: clip(entry.userAgent),
    startedAt: entry.startedAt.toISOString(),
    finishedAt: entry.finishedAt.toISOString(),
  }
  return payload
    .create({
      collection: DOWNLOADS_SLUG as CollectionSlug,
      // The plugin's ids are `number | string`; the host's generated types narrow them.
      data: data as never,
      depth: 0,
      overrideAccess: true,
    })
    .then(
      () => undefined,
      (error: unknown) => {
        payload.logger.error(
          { err: error, purchase: entry.purchase },
          'Could not record a download in the downloads log.',
        )
      },
    )
}
