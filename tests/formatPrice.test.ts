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
})
