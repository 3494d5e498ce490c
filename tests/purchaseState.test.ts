import { describe, expect, it } from 'vitest'

import { describePurchaseState } from '@/components/purchaseState'

const base = {
  productSlug: 'discovery-toolkit',
  customerEmail: 'sam@example.com',
  email: 'sam@example.com',
  receipt: undefined,
}

describe('what a purchase page says about each status', () => {
  it('paid: ready, receipt on its way until sent', () => {
    expect(describePurchaseState({ ...base, status: 'paid' })).toEqual({
      explanation: 'Paid. Your file is ready to download.',
      receipt: 'On its way to sam@example.com',
    })
    expect(
      describePurchaseState({ ...base, status: 'paid', receipt: { status: 'sent' } }).receipt,
    ).toBe('Sent to sam@example.com')
  })

  it('pending: the bank transfer is on its way and we email; no receipt yet', () => {
    const state = describePurchaseState({ ...base, status: 'pending' })
    expect(state.explanation).toMatch(/^Your bank transfer is on its way\./)
    expect(state.explanation).toContain('we email sam@example.com')
    expect(state.receipt).toBe('Sent once the payment clears')
    expect(state.next).toBeUndefined()
  })

  it('failed: not charged, Try again starts checkout for that product', () => {
    const state = describePurchaseState({ ...base, status: 'failed' })
    expect(state.explanation).toContain('you were not charged')
    expect(state.next).toEqual({ label: 'Try again', href: '/products/discovery-toolkit?buy=1' })
    expect(state.receipt).toBe('None: you were not charged')
  })

  it('refunded, disputed, revoked: say why the download is gone, never "on its way"', () => {
    const refunded = describePurchaseState({
      ...base,
      status: 'refunded',
      receipt: { status: 'sent' },
    })
    expect(refunded.explanation).toContain('refunded')
    expect(refunded.receipt).toBe('Sent to sam@example.com')
    const disputed = describePurchaseState({ ...base, status: 'disputed' })
    expect(disputed.explanation).toContain('disputed')
    expect(disputed.receipt).toBe('Not sent')
    const revoked = describePurchaseState({ ...base, status: 'revoked' })
    expect(revoked.explanation).toContain('withdrawn')
    for (const state of [refunded, disputed, revoked]) {
      expect(state.receipt).not.toMatch(/on its way/i)
      expect(state.next?.label).not.toBe('Try again')
    }
  })
})
