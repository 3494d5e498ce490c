import { describe, expect, it } from 'vitest'

import { userHasRole } from '@/storefront/access'
import { isRefusal, isStorefrontError, StorefrontError } from '@/storefront/errors'

describe('which failures are refusals (4xx: retrying cannot help)', () => {
  it('a StorefrontError under 500 is a refusal; 500 and above are not', () => {
    expect(isRefusal(new StorefrontError('bad input', 400))).toBe(true)
    expect(isRefusal(new StorefrontError('gone', 499))).toBe(true)
    expect(isRefusal(new StorefrontError('failed', 500))).toBe(false)
    expect(isRefusal(new StorefrontError('unavailable', 503))).toBe(false)
  })

  it("another library's error with a 4xx status is not ours to call a refusal", () => {
    const payloadValidation = Object.assign(new Error('The following field is invalid'), {
      name: 'ValidationError',
      status: 400,
    })
    expect(isStorefrontError(payloadValidation)).toBe(false)
    expect(isRefusal(payloadValidation)).toBe(false)
    expect(isRefusal(null)).toBe(false)
  })
})

describe('roles', () => {
  it('a user with several roles has each of them', () => {
    const user = { id: 1, roles: ['customer', 'support'] } as never
    expect(userHasRole(user, ['admin', 'support'])).toBe(true)
    expect(userHasRole(user, ['admin', 'editor'])).toBe(false)
  })

  it('no user, or roles that are not a list, have no role', () => {
    expect(userHasRole(null, ['admin'])).toBe(false)
    expect(userHasRole({ id: 1, roles: 'admin' } as never, ['admin'])).toBe(false)
  })
})
