import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'

import { userHasRole } from '@/storefront/access'
import {
  isRefusal,
  isStorefrontError,
  isUniqueViolation,
  StorefrontError,
} from '@/storefront/errors'

import { createProduct } from './helpers/products'

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

describe('recognising a StorefrontError by shape', () => {
  it('needs the name, a numeric status and a string message', () => {
    expect(isStorefrontError({ name: 'StorefrontError', status: 400, message: 'x' })).toBe(true)
    expect(isStorefrontError({ name: 'StorefrontError', status: '400', message: 'x' })).toBe(false)
    expect(isStorefrontError({ name: 'StorefrontError', status: 400, message: 4 })).toBe(false)
    expect(isStorefrontError({ name: 'Error', status: 400, message: 'x' })).toBe(false)
  })
})

describe('recognising a lost race on a unique column', () => {
  it("Payload's ValidationError on that field is one; on another field it is not", async () => {
    const { slug } = await createProduct()
    const duplicate = await createProduct({ slug }).catch((error: unknown) => error)
    expect(isUniqueViolation(duplicate, 'slug')).toBe(true)
    expect(isUniqueViolation(duplicate, 'stripeSessionId')).toBe(false)
    const several = { data: { errors: [{ path: 'title' }, { path: 'slug' }] } }
    expect(isUniqueViolation(several, 'slug')).toBe(true)
  })

  it("the driver's SQLSTATE 23505 is one, directly or as the cause; other errors are not", async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') })
    await client.connect()
    try {
      await client.query('CREATE TEMP TABLE unique_probe (k int UNIQUE)')
      await client.query('INSERT INTO unique_probe VALUES (1)')
      const raw = await client.query('INSERT INTO unique_probe VALUES (1)').catch((e: unknown) => e)
      expect(isUniqueViolation(raw, 'k')).toBe(true)
      expect(isUniqueViolation(new Error('wrapped', { cause: raw }), 'k')).toBe(true)
      const otherFailure = await client
        .query('INSERT INTO unique_probe VALUES (1 / 0)')
        .catch((e: unknown) => e)
      expect(isUniqueViolation(otherFailure, 'k')).toBe(false)
    } finally {
      await client.end()
    }
    expect(isUniqueViolation({}, 'k')).toBe(false)
    expect(isUniqueViolation(new Error('no cause'), 'k')).toBe(false)
    expect(isUniqueViolation({ data: {} }, 'k')).toBe(false)
    expect(isUniqueViolation(null, 'k')).toBe(false)
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
