import type { StripeParams, StripeParamValue } from './types'

import { StripeApiError } from './StripeApiError'

type Node = { [key: string]: Node | string }

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function decode(component: string): string {
  try {
    // Browsers' form posts encode spaces as '+'; the SDK encodes a literal '+' as %2B, so both read right.
    return decodeURIComponent(component.replace(/\+/g, ' '))
  } catch {
    throw StripeApiError.invalidParameter({
      param: undefined,
      message: `Invalid request: could not decode '${component}'.`,
    })
  }
}

/** `line_items[0][price]` → ['line_items', '0', 'price']; `expand[]` → ['expand', ''] (append). */
function splitKey(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!match)
    throw StripeApiError.invalidParameter({ param: key, message: `Invalid parameter name: ${key}` })
  const segments = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1])]
  const forbidden = segments.find((segment) => FORBIDDEN_KEYS.has(segment))
  if (forbidden)
    throw StripeApiError.invalidParameter({ param: key, message: `Invalid parameter name: ${key}` })
  return segments
}

function assign(
  root: Node,
  { segments, value, key }: { segments: string[]; value: string; key: string },
): void {
  let node = root
  segments.forEach((rawSegment, index) => {
    const segment = rawSegment === '' ? String(Object.keys(node).length) : rawSegment
    const isLast = index === segments.length - 1
    const existing = node[segment]
    if (isLast) {
      if (typeof existing === 'object')
        throw StripeApiError.invalidParameter({
          param: key,
          message: `Invalid hash: ${key} is both a value and a hash.`,
        })
      node[segment] = value
      return
    }
    if (typeof existing === 'string')
      throw StripeApiError.invalidParameter({
        param: key,
        message: `Invalid hash: ${key} is both a value and a hash.`,
      })
    node = existing ?? (node[segment] = {})
  })
}

/** Hashes whose keys are all indexes were arrays on the client (`items[0]`, `items[1]`). */
function toParams(node: Node | string): StripeParamValue {
  if (typeof node === 'string') return node
  const keys = Object.keys(node)
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => toParams(node[key]))
  }
  return Object.fromEntries(keys.map((key) => [key, toParams(node[key])]))
}

/**
 * Reads `application/x-www-form-urlencoded` bodies and query strings the way Stripe does: bracket
 * notation builds nested hashes and indexed arrays, and every value stays a string (as on the wire).
 */
export function parseStripeParams(encoded: string): StripeParams {
  const root: Node = {}
  for (const pair of encoded.split('&')) {
    if (pair === '') continue
    const separator = pair.indexOf('=')
    const key = decode(separator === -1 ? pair : pair.slice(0, separator))
    const value = separator === -1 ? '' : decode(pair.slice(separator + 1))
    assign(root, { segments: splitKey(key), value, key })
  }
  // The top level is always a hash, even for a body like `0=a` that would otherwise look like an array.
  return Object.fromEntries(Object.keys(root).map((key) => [key, toParams(root[key])]))
}
