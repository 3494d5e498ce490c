import { describe, expect, it } from 'vitest'

import { formatMoneyInput, parseMoney } from '@/storefront/utilities/currencies'
import { slugFromTitle } from '@/storefront/utilities/slugFromTitle'

describe('the price typed as money', () => {
  it.each([
    ['49.00', 'usd', 4900],
    ['49', 'usd', 4900],
    ['49.5', 'usd', 4950],
    ['1,049.99', 'usd', 104999],
    [' 0 ', 'eur', 0],
    ['4900', 'jpy', 4900],
  ])('%j %s is %i in the smallest unit', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor)
  })

  it.each([['49.001'], ['-1'], ['abc'], [''], ['4.9.0'], ['1e3']])(
    '%j is not an amount',
    (text) => {
      expect(parseMoney(text, 'usd')).toBeNull()
    },
  )

  it('yen has no decimals', () => {
    expect(parseMoney('49.50', 'jpy')).toBeNull()
    expect(formatMoneyInput(4900, 'jpy')).toBe('4900')
  })

  it('shows the stored amount with the currency’s decimals', () => {
    expect(formatMoneyInput(4900, 'usd')).toBe('49.00')
    expect(formatMoneyInput(5, 'eur')).toBe('0.05')
  })
})

describe('the slug made from a title', () => {
  it.each([
    ['Workflow Templates', 'workflow-templates'],
    ['Café Notes — 2nd ed.', 'cafe-notes-2nd-ed'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['日本', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug)
  })

  it('is cut to the longest slug without a dangling dash', () => {
    const slug = slugFromTitle(`${'a'.repeat(99)} b`)
    expect(slug).toBe('a'.repeat(99))
  })
})
