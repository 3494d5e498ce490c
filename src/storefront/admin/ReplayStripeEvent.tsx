'use client'

import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { type ActionOutcome, ActionMessage } from './ActionMessage'

/**
 * "Replay" on a failed or rejected Stripe event: fetched again from Stripe and applied through the
 * webhook's own path (POST /api/stripe-events/:id/replay). Asks why; who, when and why are
 * recorded on the event with what came of it.
 */
export function ReplayStripeEvent() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const outcome = useFormFields(([fields]) => fields.outcome?.value) as string | undefined
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<ActionOutcome | null>(null)
  if (!id || (outcome !== 'failed' && outcome !== 'rejected' && !message)) return null

  const replay = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(
        `${config.serverURL}${config.routes.api}/stripe-events/${id}/replay`,
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ reason }),
        },
      )
      const json = (await response.json().catch(() => ({}))) as {
        error?: string
        event?: { outcome: string; note: null | string }
      }
      if (!response.ok || !json.event) {
        setMessage({ ok: false, text: json.error ?? `The replay failed (${response.status}).` })
        return
      }
      const { outcome: now, note } = json.event
      setMessage({
        ok: now !== 'failed' && now !== 'rejected',
        text: `Fetched from Stripe and applied again: now ${now}${note ? ` (${note})` : ''}.`,
      })
      setReason('')
      router.refresh()
    } catch {
      setMessage({ ok: false, text: 'The shop could not be reached; try again in a moment.' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="storefront-replay" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>Replay this event</h4>
      <p style={{ margin: '0 0 8px', opacity: 0.8 }}>
        Fetches the event from Stripe again and applies it as the webhook would. Safe to repeat.
      </p>
      <label htmlFor="storefront-replay-reason" style={{ display: 'block', marginBottom: 4 }}>
        Why (recorded on the event)
      </label>
      <textarea
        id="storefront-replay-reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        rows={2}
        placeholder="e.g. Product published again after the fix"
        style={{ width: '100%', marginBottom: 8 }}
      />
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy || !reason.trim()}
        onClick={replay}
      >
        {busy ? 'Replaying…' : 'Replay from Stripe'}
      </Button>
      <ActionMessage message={message} />
    </div>
  )
}
