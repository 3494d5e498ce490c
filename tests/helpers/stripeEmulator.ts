import { inject } from 'vitest'

import { transcriptWriter } from '../fidelity/transcripts'

export type RecordedRequest = {
  method: string
  path: string
  params: Record<string, unknown>
  idempotencyKey: string | null
  status: number
}

const base = () => inject('stripeEmulatorUrl')

/** What the emulator received on the Stripe API: the request as Stripe would see it. */
export async function stripeRequests(path?: string): Promise<RecordedRequest[]> {
  const { data } = (await (await fetch(`${base()}/_emulator/requests`)).json()) as {
    data: RecordedRequest[]
  }
  return path ? data.filter((request) => request.path === path) : data
}

/** Makes the emulator answer the next request to `method path` with `status` and `body`. */
export async function injectStripeFault(fault: {
  method?: string
  path: string
  status: number
  body: unknown
  count?: number
}): Promise<void> {
  const response = await fetch(`${base()}/_emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  })
  if (!response.ok)
    throw new Error(`fault injection refused: ${response.status} ${await response.text()}`)
}

/** Pays a checkout session on the emulator's hosted page, as a shopper's browser would. */
export async function payOnHostedPage(
  checkoutUrl: string,
  cardNumber = '4242 4242 4242 4242',
): Promise<Response> {
  return fetch(checkoutUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ method: 'card', card_number: cardNumber }),
  })
}

/**
 * The `transcript` option for an emulator a test file starts itself: what it answers, emits and
 * accepts joins the run's fidelity check (tests/fidelity) against the SDK's types.
 */
export function emulatorTranscript(source: string) {
  return transcriptWriter({ dir: inject('fidelityCaptureDir'), source, requests: 'accepted' })
    .stripe
}
