import Stripe from 'stripe'

import type { StripeConnection } from '../types'

/**
 * The Stripe API version every request is pinned to, in this one place.
 * It is the version the installed `stripe` SDK is typed for (its TS types accept only that string).
 * To upgrade deliberately: bump `stripe` in package.json, set this to the new SDK's
 * `ApiVersion` (node_modules/stripe/esm/apiVersion.js), read Stripe's changelog for the versions
 * in between, run the tests, and update the webhook endpoint's version in the Stripe dashboard.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const

export type StripeKeys = StripeConnection & { secretKey: string }

const cache = globalThis as typeof globalThis & { __storefrontStripeClients?: Map<string, Stripe> }

/**
 * One Stripe client per process and connection. Kept on globalThis so that Next's dev hot reload,
 * which re-evaluates modules, does not pile up clients (and their keep-alive agents).
 */
export function getStripeClient(connection: StripeKeys): Stripe {
  const key = JSON.stringify([
    connection.secretKey,
    connection.host,
    connection.port,
    connection.protocol,
  ])
  cache.__storefrontStripeClients ??= new Map()
  let client = cache.__storefrontStripeClients.get(key)
  if (!client) {
    client = new Stripe(connection.secretKey, {
      apiVersion: STRIPE_API_VERSION,
      // Retries reuse one idempotency key, so a retried create never makes a second session.
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: 'payload-storefront' },
      ...(connection.host ? { host: connection.host } : {}),
      ...(connection.port ? { port: connection.port } : {}),
      ...(connection.protocol ? { protocol: connection.protocol } : {}),
    })
    cache.__storefrontStripeClients.set(key, client)
  }
  return client
}

/** Stripe's default: events signed more than five minutes ago are refused as replays. */
const WEBHOOK_TOLERANCE_SECONDS = 300

/**
 * Verifies the Stripe-Signature header over the untouched raw body and parses the event.
 * The SDK refuses timestamps older than the tolerance but not ones in the future; Stripe never
 * signs ahead of its clock, and a future timestamp would keep a leaked request replayable until
 * then, so those are refused too.
 * @throws Error with a sentence saying what is wrong (signature, timestamp or JSON)
 */
export function verifyWebhookEvent(args: {
  rawBody: Buffer | string
  signature: string
  secret: string
  now?: number
}): unknown {
  const nowSeconds = Math.floor((args.now ?? Date.now()) / 1000)
  const timestamps = [...args.signature.matchAll(/(?:^|,)\s*t=(\d+)/g)].map(([, t]) => Number(t))
  if (timestamps.some((t) => t > nowSeconds + WEBHOOK_TOLERANCE_SECONDS)) {
    throw new Error('Timestamp is in the future; Stripe signs with the time it sends the event.')
  }
  try {
    return Stripe.webhooks.constructEvent(
      args.rawBody,
      args.signature,
      args.secret,
      WEBHOOK_TOLERANCE_SECONDS,
    )
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error('The signed body is not JSON.')
    throw error
  }
}
