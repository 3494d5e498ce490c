'use client'

import { useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ActionOutcome } from './ActionMessage'

export type StaffRequest<Result> = {
  /** Under the API route, e.g. `/storefront/reconcile`. */
  path: string
  /** Sent as JSON; without it the POST has no body and no Content-Type. */
  body?: Record<string, unknown>
  /** What a refusal without an `error` sentence reads as: `${failure} (${status}).` */
  failure: string
  /**
   * What the success came to, read from the response's JSON; null when the JSON lacks what the
   * endpoint should have answered, which then reads as a failure.
   */
  outcome: (json: Result) => ActionOutcome | null
  /** After a success, before the page is refreshed: e.g. empty the "Why" field. */
  onSuccess?: () => void
}

export type StaffRequestState = {
  /** True from the click until the answer is read: the buttons are disabled meanwhile. */
  busy: boolean
  /** What the last request came to, for `ActionMessage`; null before any and while one runs. */
  message: ActionOutcome | null
  send: <Result>(request: StaffRequest<Result>) => Promise<void>
}

/**
 * A staff button's request: POST to one of the plugin's endpoints with the admin's session
 * cookie, busy until the answer is read, then the endpoint's own error sentence (or "failed
 * (status)"), or what it did, as an `ActionMessage`, and the page refreshed to show the change.
 */
export function useStaffRequest(): StaffRequestState {
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<ActionOutcome | null>(null)

  const send = async <Result>({
    path,
    body,
    failure,
    outcome,
    onSuccess,
  }: StaffRequest<Result>) => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}${path}`, {
        method: 'POST',
        credentials: 'include',
        ...(body
          ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
          : {}),
      })
      const json = (await response.json().catch(() => ({}))) as Result & { error?: string }
      const done = response.ok ? outcome(json) : null
      if (!done) {
        setMessage({ ok: false, text: json.error ?? `${failure} (${response.status}).` })
        return
      }
      setMessage(done)
      onSuccess?.()
      router.refresh()
    } catch {
      setMessage({ ok: false, text: 'The shop could not be reached; try again in a moment.' })
    } finally {
      setBusy(false)
    }
  }

  return { busy, message, send }
}
