'use client'

import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { ActionMessage } from './ActionMessage'
import { useStaffRequest } from './useStaffRequest'

/**
 * "Replay" on a failed or rejected Stripe event: fetched again from Stripe and applied through the
 * webhook's own path (POST /api/stripe-events/:id/replay). Asks why; who, when and why are
 * recorded on the event with what came of it.
 */
export function ReplayStripeEvent() {
  const { id } = useDocumentInfo()
  const outcome = useFormFields(([fields]) => fields.outcome?.value) as string | undefined
  const [reason, setReason] = useState('')
  const { busy, message, send } = useStaffRequest()
  if (!id || (outcome !== 'failed' && outcome !== 'rejected' && !message)) return null

  const replay = () =>
    send<{ event?: { outcome: string; note: null | string } }>({
      path: `/stripe-events/${id}/replay`,
      body: { reason },
      failure: 'The replay failed',
      outcome: ({ event }) =>
        event
          ? {
              ok: event.outcome !== 'failed' && event.outcome !== 'rejected',
              text: `Fetched from Stripe and applied again: now ${event.outcome}${event.note ? ` (${event.note})` : ''}.`,
            }
          : null,
      onSuccess: () => setReason(''),
    })

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
