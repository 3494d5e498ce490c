import parseRange from 'range-parser'

import type { ByteRange, StoredFile } from '../storage/productFiles'

/** What to send for a request's `Range` / `If-Range`, per RFC 9110 §14. */
export type RangeDecision =
  { kind: 'whole' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' }

const WHOLE: RangeDecision = { kind: 'whole' }

/**
 * True when `If-Range` still names this file. An entity tag must match strongly (a weak one
 * never does); a date must equal Last-Modified to the second, as HTTP dates carry no more.
 */
function ifRangeMatches(ifRange: string, file: StoredFile): boolean {
  const value = ifRange.trim()
  if (value.startsWith('"') || value.startsWith('W/')) return value === file.etag
  const date = Date.parse(value)
  return !Number.isNaN(date) && date === Math.floor(file.modifiedAt.getTime() / 1000) * 1000
}

/**
 * Decides between the whole file, one byte range (206) and "unsatisfiable" (416).
 * A malformed header, a unit other than bytes, several ranges (we do not build
 * multipart/byteranges) and a stale If-Range all fall back to the whole file, which RFC 9110
 * allows and every resuming client handles.
 */
export function decideRange(args: {
  file: StoredFile
  range: null | string
  ifRange: null | string
}): RangeDecision {
  const { file, range, ifRange } = args
  if (!range) return WHOLE
  if (ifRange && !ifRangeMatches(ifRange, file)) return WHOLE
  const parsed = parseRange(file.size, range, { combine: true })
  if (parsed === -2) return WHOLE
  if (parsed === -1) return { kind: 'unsatisfiable' }
  if (parsed.type !== 'bytes' || parsed.length !== 1) return WHOLE
  return { kind: 'partial', range: { start: parsed[0].start, end: parsed[0].end } }
}
