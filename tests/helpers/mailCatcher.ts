import { inject } from 'vitest'

import { transcriptWriter } from '../fidelity/transcripts'

export type CaughtMail = {
  id: string
  to: string[]
  subject: string
  html?: string
  text?: string
  idempotency_key?: string | null
}

const base = () => inject('mailCatcherUrl')

export async function caughtMail(): Promise<CaughtMail[]> {
  const response = await fetch(`${base()}/_catcher/messages`)
  return (await response.json()) as CaughtMail[]
}

export async function mailTo(address: string): Promise<CaughtMail[]> {
  return (await caughtMail()).filter((mail) => mail.to.includes(address))
}

/** Makes the mail catcher fail the next `count` sends, like a Resend outage. */
export async function failNextSends(count: number, status = 500): Promise<void> {
  const response = await fetch(`${base()}/_catcher/fail-next`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ count, status }),
  })
  if (!response.ok) throw new Error(`fail-next refused: ${response.status}`)
}

/**
 * The `transcript` option for a mail catcher a test file starts itself: the sends it accepts join
 * the run's fidelity check (tests/fidelity) against Resend's API description.
 */
export function catcherTranscript(source: string) {
  return transcriptWriter({ dir: inject('fidelityCaptureDir'), source, requests: 'accepted' })
    .resend
}
