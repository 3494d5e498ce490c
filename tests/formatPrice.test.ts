import { describe, expect, it } from 'vitest'

import { formatPrice } from '@/storefront/utilities/formatPrice'

describe('formatPrice', () => {
  it('formats cents in the product currency', () => {
    expect(formatPrice(4900, 'usd')).toBe('$49.00')
    expect(formatPrice(1999, 'eur')).toBe('€19.99')
    expect(formatPrice(500, 'gbp')).toBe('£5.00')
  })

  it('does not divide zero-decimal currencies by 100', () => {
    expect(formatPrice(4900, 'jpy')).toBe('¥4,900')
  })

  it('never throws on a stored value that is not a currency or an amount: pages keep rendering', () => {
    expect(formatPrice(1500, 'xx<script>')).toBe('15.00 (unknown currency)')
    expect(formatPrice(1500, '')).toBe('15.00 (unknown currency)')
    expect(formatPrice(1500, null as unknown as string)).toBe('15.00 (unknown currency)')
    expect(formatPrice(Number.NaN, 'usd')).toBe('$0.00')
    expect(formatPrice(1500, 'usd', 'not a locale!')).toBe('15.00 (unknown currency)')
  })
})
