import { describe, expect, it } from 'vitest'

import { stripeDashboardUrl, stripeModeOf } from '@/storefront/utilities/stripeDashboard'
import { describeStripeEventType } from '@/storefront/utilities/stripeEventTypes'

/**
 * What support clicks and reads in the admin: links into the right half (test or live) of the
 * Stripe dashboard, and event types in words.
 */
describe('links into the Stripe dashboard', () => {
  it('live keys (secret or restricted) open the live dashboard; everything else the test one', () => {
    expect(stripeModeOf('sk_live_123')).toBe('live')
    expect(stripeModeOf('rk_live_123')).toBe('live')
    expect(stripeModeOf('sk_test_123')).toBe('test')
    expect(stripeModeOf('pk_live_123')).toBe('test') // a publishable key is not the server's key
    expect(stripeModeOf('xsk_live_123')).toBe('test')
    expect(stripeModeOf(undefined)).toBe('test')
    expect(stripeModeOf('')).toBe('test')
  })

  it.each([
    ['pi_1', 'payments'],
    ['ch_1', 'payments'],
    ['re_1', 'refunds'],
    ['dp_1', 'disputes'],
    ['evt_1', 'events'],
    ['prod_1', 'products'],
    ['price_1', 'prices'],
    ['cus_1', 'customers'],
  ])('%s opens the %s page, in the mode of the key', (id, page) => {
    expect(stripeDashboardUrl(id, 'test')).toBe(`https://dashboard.stripe.com/test/${page}/${id}`)
    expect(stripeDashboardUrl(id, 'live')).toBe(`https://dashboard.stripe.com/${page}/${id}`)
  })

  it('a Checkout Session is found through the search; ids are URL-encoded', () => {
    expect(stripeDashboardUrl('cs_test_a1/b', 'test')).toBe(
      'https://dashboard.stripe.com/test/search?query=cs_test_a1%2Fb',
    )
    expect(stripeDashboardUrl('cs_live_x', 'live')).toBe(
      'https://dashboard.stripe.com/search?query=cs_live_x',
    )
    expect(stripeDashboardUrl('pi_a b', 'live')).toBe(
      'https://dashboard.stripe.com/payments/pi_a%20b',
    )
  })

  it('an id that is not Stripe’s (a comp grant) has no link', () => {
    expect(stripeDashboardUrl('comp_42', 'test')).toBeNull()
    expect(stripeDashboardUrl('', 'live')).toBeNull()
    expect(stripeDashboardUrl('xpi_1', 'test')).toBeNull()
  })
})

describe('Stripe event types in words', () => {
  it.each([
    ['checkout.session.completed', 'Checkout completed'],
    ['checkout.session.async_payment_succeeded', 'Bank transfer settled'],
    ['checkout.session.async_payment_failed', 'Bank transfer failed'],
    ['checkout.session.expired', 'Checkout expired'],
    ['charge.refunded', 'Payment refunded'],
    ['charge.dispute.created', 'Dispute opened'],
    ['charge.dispute.closed', 'Dispute closed'],
    ['radar.early_fraud_warning.created', 'Early fraud warning'],
    ['payment_intent.succeeded', 'Payment succeeded'],
    ['payment_intent.payment_failed', 'Payment failed'],
    ['refund.created', 'Refund created'],
    ['product.created', 'Stripe product created'],
    ['price.created', 'Stripe price created'],
    ['price.updated', 'Stripe price updated'],
  ])('%s reads "%s"', (type, label) => {
    expect(describeStripeEventType(type)).toBe(label)
  })

  it('an unlisted type reads as its words, capitalised', () => {
    expect(describeStripeEventType('invoice.paid')).toBe('Invoice paid')
    expect(describeStripeEventType('customer.subscription_schedule.updated')).toBe(
      'Customer subscription schedule updated',
    )
    expect(describeStripeEventType('')).toBe('')
  })
})
