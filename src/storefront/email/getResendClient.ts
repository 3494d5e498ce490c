import { Resend } from 'resend'

const cache = globalThis as typeof globalThis & { __storefrontResendClients?: Map<string, Resend> }

/** One Resend client per process and connection (survives dev hot reload, like the Stripe client). */
export function getResendClient(apiKey: string, baseUrl?: string): Resend {
  const key = `${apiKey}\n${baseUrl ?? ''}`
  cache.__storefrontResendClients ??= new Map()
  let client = cache.__storefrontResendClients.get(key)
  if (!client) {
    client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined)
    cache.__storefrontResendClients.set(key, client)
  }
  return client
}
