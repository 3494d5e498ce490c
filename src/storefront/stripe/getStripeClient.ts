import Stripe from 'stripe'

import type { StripeConnection } from '../types'

import { STRIPE_API_VERSION } from './STRIPE_API_VERSION'

const cache = globalThis as typeof globalThis & { __storefrontStripeClients?: Map<string, Stripe> }

/**
 * One Stripe client per process and connection. Kept on globalThis so that Next's dev hot reload,
 * which re-evaluates modules, does not pile up clients (and their keep-alive agents).
 */
export function getStripeClient(connection: StripeConnection & { secretKey: string }): Stripe {
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
