import { describe, expect, it } from 'vitest'

import { safeCallbackPath } from '@/storefront/utilities/safeCallbackPath'

describe('safeCallbackPath (no open redirect after sign-in)', () => {
  it.each([
    ['/products/workflow-templates', '/products/workflow-templates'],
    [
      '/products/account?purchased=x&session_id=cs_1',
      '/products/account?purchased=x&session_id=cs_1',
    ],
    ['/products#buy', '/products#buy'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected)
  })

  it.each([
    ['https://evil.example/phish'],
    ['//evil.example/phish'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['javascript:alert(1)'],
    ['/%0d%0aLocation:x'.replace('%0d%0a', '\r\n')],
    ['products'],
    ['/..//evil.example'],
    ['/.//evil.example'],
    ['/%2e%2e//evil.example'],
    ['/a/..//evil.example/x'],
    [''],
    [undefined],
    [['/products']],
  ])('refuses %j and falls back', (input) => {
    expect(safeCallbackPath(input, '/fallback')).toBe('/fallback')
  })
})
