import { describe, expect, it } from 'vitest'

import { minorUnitDigits } from '@/storefront/utilities/currencies'
import { explainUnsafeFileName } from '@/storefront/utilities/fileNames'
import { formatPrice } from '@/storefront/utilities/formatPrice'
import { slugFromTitle } from '@/storefront/utilities/slugFromTitle'

/**
 * The small rules editors and shoppers meet: which product file names the shop accepts (a name is
 * joined onto the private folder, so anything that could leave it is refused), the slug made from
 * a title, and prices in the currency's own minor unit.
 */
describe('product file names', () => {
  it.each([
    ['', 'must not be empty or start/end with spaces'],
    [' notes.pdf', 'must not be empty or start/end with spaces'],
    ['notes.pdf ', 'must not be empty or start/end with spaces'],
    ['notes\u0000.pdf', 'must not contain control characters (line breaks, NUL)'],
    ['notes\r\n.pdf', 'must not contain control characters (line breaks, NUL)'],
    ['files/notes.pdf', 'must be a plain file name without "/" or "\\"'],
    ['files\\notes.pdf', 'must be a plain file name without "/" or "\\"'],
    ['.', 'must not be "." or contain ".."'],
    ['..', 'must not be "." or contain ".."'],
    ['notes..pdf', 'must not be "." or contain ".."'],
    ['C:notes.pdf', 'must not be an absolute path'],
    ['z:', 'must not be an absolute path'],
    [`${'a'.repeat(252)}.pdf`, 'must be at most 255 characters'],
  ])('%j is refused: %s', (name, reason) => {
    expect(explainUnsafeFileName(name)).toBe(reason)
  })

  it.each([
    'notes.pdf',
    '.hidden',
    'version:2.zip', // a colon after the first letter is not a drive
    'a.b.c',
    `${'a'.repeat(251)}.pdf`, // exactly 255 characters
  ])('%j is a plain name', (name) => {
    expect(explainUnsafeFileName(name)).toBeNull()
  })
})

describe('slugs from titles', () => {
  it('drops accents, joins words with single dashes, trims dashes at both ends', () => {
    expect(slugFromTitle('Café Notes — 2nd ed.')).toBe('cafe-notes-2nd-ed')
    expect(slugFromTitle('  --Hello,   World!--  ')).toBe('hello-world')
    expect(slugFromTitle('!!!')).toBe('')
  })

  it('cut at the longest slug without a dash left at the end', () => {
    const slug = slugFromTitle(`${'a'.repeat(99)} b`)
    expect(slug).toBe('a'.repeat(99))
    expect(slugFromTitle('x'.repeat(150))).toBe('x'.repeat(100))
  })
})

describe('prices in the minor unit', () => {
  it('formats in either case of the code, per locale', () => {
    expect(formatPrice(4900, 'USD')).toBe('$49.00')
    expect(formatPrice(123456, 'eur', 'de-DE')).toBe('1.234,56\u00a0€')
    expect(formatPrice(4900, 'jpy')).toBe('¥4,900')
    expect(formatPrice(1234, 'kwd')).toBe('KWD\u00a01.234') // three decimals
  })

  it('minor-unit digits come from Intl; 2 for a code it cannot format', () => {
    expect(minorUnitDigits('usd')).toBe(2)
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(minorUnitDigits('kwd')).toBe(3)
    expect(minorUnitDigits('dollars')).toBe(2)
    expect(minorUnitDigits('')).toBe(2)
  })
})
