import type { Access } from 'payload'

import { describe, expect, it } from 'vitest'

import { staffReadNobodyWrites } from '@/storefront/access'

/**
 * The access helpers called directly, one user at a time (the role matrix checks the same rules
 * through REST on every collection that uses them).
 */

type AccessArgs = Parameters<Access>[0]
const signedInAs = (roles: string[]) => ({ req: { user: { id: 1, roles } } }) as AccessArgs
const anonymous = { req: { user: null } } as unknown as AccessArgs

describe('staffReadNobodyWrites', () => {
  const access = staffReadNobodyWrites(['admin', 'support'])

  it('lets a user with one of the staff roles read, and nobody else', () => {
    expect(access.read(signedInAs(['support']))).toBe(true)
    expect(access.read(signedInAs(['customer', 'admin']))).toBe(true)
    expect(access.read(signedInAs(['editor']))).toBe(false)
    expect(access.read(signedInAs(['customer']))).toBe(false)
    expect(access.read(signedInAs([]))).toBe(false)
    expect(access.read(anonymous)).toBe(false)
  })

  it('reads the staff roles it is given, not a fixed list', () => {
    const supportOnly = staffReadNobodyWrites(['support'])
    expect(supportOnly.read(signedInAs(['admin']))).toBe(false)
    expect(supportOnly.read(signedInAs(['support']))).toBe(true)
  })

  it.each(['create', 'update', 'delete'] as const)('refuses %s to everyone, staff too', (op) => {
    for (const args of [signedInAs(['admin']), signedInAs(['support']), anonymous]) {
      expect(access[op](args)).toBe(false)
    }
  })

  it('sets all four operations (one left out would fall back to "any signed-in user")', () => {
    expect(Object.keys(access).sort()).toEqual(['create', 'delete', 'read', 'update'])
  })
})
