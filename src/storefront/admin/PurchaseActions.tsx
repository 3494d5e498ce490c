'use client'

import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'

import { ActionMessage } from './ActionMessage'
import { useStaffRequest } from './useStaffRequest'

type Action = 'refund' | 'resend-receipt' | 'restore' | 'revoke'

const DONE: Record<Action, string> = {
  'resend-receipt': 'The receipt is queued; it leaves within seconds.',
  refund:
    'Refund requested in Stripe. The status changes when Stripe confirms it (usually within seconds); a partial refund keeps access.',
  revoke: 'Access revoked: downloads are refused from now on.',
  restore: 'Access restored.',
}

/**
 * The staff actions on a purchase, each a button calling the plugin's staff endpoint. Every action
 * asks why; the answer is recorded on the purchase with who did it and when.
 */
export function PurchaseActions() {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const source = useFormFields(([fields]) => fields.source?.value) as string | undefined
  const [reason, setReason] = useState('')
  const [refundAmount, setRefundAmount] = useState('')
  const { busy, message, send } = useStaffRequest()
  if (!id) return null

  const run = (action: Action) => {
    const amount = refundAmount.trim()
    const body: Record<string, unknown> = { reason }
    if (action === 'refund' && amount) body.amountCents = Math.round(Number(amount) * 100)
    return send({
      path: `/purchases/${id}/${action}`,
      body,
      failure: 'The action failed',
      outcome: () => ({ ok: true, text: DONE[action] }),
      onSuccess: () => {
        setReason('')
        setRefundAmount('')
      },
    })
  }

  const paid = status === 'paid'
  const refundable = (paid || status === 'revoked') && source === 'stripe'
  return (
    <div className="storefront-actions" style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>Support actions</h4>
      <label htmlFor="storefront-action-reason" style={{ display: 'block', marginBottom: 4 }}>
        Why (recorded on the purchase)
      </label>
      <textarea
        id="storefront-action-reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        rows={2}
        placeholder="e.g. Customer asked by email on 27 Nov"
        style={{ width: '100%', marginBottom: 8 }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {paid && (
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy || !reason.trim()}
            onClick={() => run('resend-receipt')}
          >
            Resend receipt
          </Button>
        )}
        {paid && (
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy || !reason.trim()}
            onClick={() => run('revoke')}
          >
            Revoke access
          </Button>
        )}
        {status === 'revoked' && (
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={busy || !reason.trim()}
            onClick={() => run('restore')}
          >
            Restore access
          </Button>
        )}
      </div>
      {refundable && (
        <div style={{ marginTop: 8 }}>
          <label htmlFor="storefront-refund-amount" style={{ display: 'block', marginBottom: 4 }}>
            Refund amount (empty: all of it)
          </label>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <input
              id="storefront-refund-amount"
              inputMode="decimal"
              value={refundAmount}
              onChange={(event) => setRefundAmount(event.target.value)}
              placeholder="e.g. 10.00"
              style={{ width: '8em' }}
            />
            <Button
              buttonStyle="secondary"
              size="small"
              disabled={busy || !reason.trim()}
              onClick={() => run('refund')}
            >
              Refund in Stripe
            </Button>
          </div>
        </div>
      )}
      {!reason.trim() && (paid || status === 'revoked') && (
        <p style={{ opacity: 0.7, margin: '4px 0 0' }}>Write why first; the buttons then work.</p>
      )}
      <ActionMessage message={message} />
    </div>
  )
}
