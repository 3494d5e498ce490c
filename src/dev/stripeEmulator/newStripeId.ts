import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function randomSuffix(length: number): string {
  let suffix = ''
  for (const byte of randomBytes(length)) suffix += ALPHABET[byte % ALPHABET.length]
  return suffix
}

/**
 * Ids shaped like Stripe's test-mode ids (`cs_test_a1…`, `pi_…`, `evt_…`), so code that checks a
 * prefix or sizes a column for Stripe ids sees what it will see in production.
 */
export function newStripeId(prefix: string): string {
  // Checkout Session ids say test mode in the id and are much longer than other ids.
  if (prefix === 'cs') return `cs_test_a1${randomSuffix(56)}`
  return `${prefix}_${randomSuffix(24)}`
}
