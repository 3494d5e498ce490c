import { describe, expect, it } from 'vitest'

import { parseEnv } from '@/env'

describe('environment validation', () => {
  it('refuses to start production without PAYLOAD_SECRET and DATABASE_URL, naming both and the fix', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrowError(/DATABASE_URL is required/)
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrowError(/PAYLOAD_SECRET is required/)
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrowError(/see \.env\.example/)
  })

  it('rejects a short production secret and a non-postgres URL with what to do instead', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short', DATABASE_URL: 'mysql://x@y/z' }),
    ).toThrowError(
      /DATABASE_URL must be a postgres:\/\/ connection string[\s\S]*PAYLOAD_SECRET must be at least 32 random characters/,
    )
  })

  it('refuses to start production without the Stripe key and webhook secret', () => {
    const base = {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://a@b/c',
    } as const
    expect(() => parseEnv(base)).toThrowError(
      /STRIPE_SECRET_KEY is required[\s\S]*STRIPE_WEBHOOK_SECRET is required/,
    )
    expect(() =>
      parseEnv({ ...base, STRIPE_SECRET_KEY: 'pk_live_123', STRIPE_WEBHOOK_SECRET: 'whsec_1' }),
    ).toThrowError(/STRIPE_SECRET_KEY must be a Stripe secret key \(sk_test_… or sk_live_…\)/)
  })

  it('refuses to start production without a Resend key and sender', () => {
    const base = {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://a@b/c',
      STRIPE_SECRET_KEY: 'sk_live_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
    } as const
    expect(() => parseEnv(base)).toThrowError(
      /RESEND_API_KEY is required[\s\S]*EMAIL_FROM is required/,
    )
  })

  it('lets `next build` (production, build phase) run without runtime secrets', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }),
    ).not.toThrow()
  })

  it('accepts a complete production environment', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      RESEND_API_KEY: 're_abc',
      EMAIL_FROM: 'Shop <shop@shop.example>',
      PAYLOAD_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://shop:pw@db.internal:5432/shop',
      NEXT_PUBLIC_SERVER_URL: 'https://shop.example/',
    })
    expect(env.DATABASE_URL).toBe('postgres://shop:pw@db.internal:5432/shop')
    expect(env.NEXT_PUBLIC_SERVER_URL).toBe('https://shop.example')
  })

  it('gives development working defaults: the embedded database and a dev-only secret', () => {
    const env = parseEnv({ NODE_ENV: 'development', EMBEDDED_POSTGRES_PORT: '55001' })
    expect(env.DATABASE_URL).toBe('postgres://postgres:postgres@127.0.0.1:55001/storefront')
    expect(env.PAYLOAD_SECRET).toMatch(/dev-only/)
    expect(env.NEXT_PUBLIC_SERVER_URL).toBe('http://localhost:3000')
  })

  it('treats empty values from a .env file as unset', () => {
    expect(
      parseEnv({ NODE_ENV: 'development', PAYLOAD_SECRET: '', DATABASE_URL: '' }).PAYLOAD_SECRET,
    ).toMatch(/dev-only/)
  })

  it('keeps the bench floor off and the webhook receiver on port 3001 unless told otherwise', () => {
    const defaults = parseEnv({ NODE_ENV: 'development' })
    expect([defaults.BENCH_FLOOR, defaults.WEBHOOK_RECEIVER_PORT]).toEqual([false, 3001])
    const set = parseEnv({
      NODE_ENV: 'development',
      BENCH_FLOOR: 'true',
      WEBHOOK_RECEIVER_PORT: '4100',
    })
    expect([set.BENCH_FLOOR, set.WEBHOOK_RECEIVER_PORT]).toEqual([true, 4100])
    expect(() =>
      parseEnv({ NODE_ENV: 'development', WEBHOOK_RECEIVER_PORT: '70000' }),
    ).toThrowError(/WEBHOOK_RECEIVER_PORT must be a port number/)
  })

  it('rejects a server URL that is not absolute http(s)', () => {
    expect(() =>
      parseEnv({ NODE_ENV: 'development', NEXT_PUBLIC_SERVER_URL: 'localhost:3000' }),
    ).toThrowError(/NEXT_PUBLIC_SERVER_URL must be the absolute http\(s\) URL/)
  })
})
