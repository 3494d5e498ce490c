'use client'

import { Button, FieldLabel, useDocumentInfo, useFormFields } from '@payloadcms/ui'

import { ActionMessage } from './ActionMessage'
import { useStaffRequest } from './useStaffRequest'

/** The evidence fields as Stripe names them, in the words support reads. */
const LABELS: Record<string, string> = {
  access_activity_log: 'Access activity log (downloads)',
  customer_email_address: 'Customer email',
  product_description: 'Product description',
  service_date: 'Service date',
  uncategorized_text: 'Receipt and other',
}

const STATUS_TEXT: Record<string, string> = {
  drafted: 'Drafted, not submitted yet. Stripe takes no more evidence once it is submitted.',
  submitted: 'Submitted to Stripe.',
  submit_failed: 'Stripe refused it; see the error, then submit again.',
}

/**
 * The dispute evidence the plugin drafted for this purchase, as the text Stripe will receive, and
 * "Submit evidence to Stripe" (POST /api/purchases/:id/submit-dispute-evidence). Every value is
 * rendered as text (React escapes it): user agents, IPs and file names come from the buyer.
 */
export function DisputeEvidence({ path = 'disputeEvidence' }: { path?: string }) {
  const { id } = useDocumentInfo()
  const record = useFormFields(([fields]) => ({
    disputeId: fields[`${path}.disputeId`]?.value as string | undefined,
    status: fields[`${path}.status`]?.value as string | undefined,
    evidence: fields[`${path}.evidence`]?.value as Record<string, unknown> | null | undefined,
    submittedAt: fields[`${path}.submittedAt`]?.value as string | undefined,
    submittedBy: fields[`${path}.submittedByEmail`]?.value as string | undefined,
    lastError: fields[`${path}.lastError`]?.value as string | undefined,
  }))
  const { busy, message, send } = useStaffRequest()
  if (!record.disputeId) return null

  const submit = () =>
    send({
      path: `/purchases/${id}/submit-dispute-evidence`,
      body: { reason: 'Submitted the drafted dispute evidence' },
      failure: 'Submitting failed',
      outcome: () => ({ ok: true, text: 'Submitted to Stripe.' }),
    })

  const entries = Object.entries(record.evidence ?? {}).filter(
    ([, value]) => typeof value === 'string' && value,
  )
  const submittable = record.status === 'drafted' || record.status === 'submit_failed'
  return (
    <div
      className="field-type storefront-dispute-evidence"
      style={{ marginBottom: 'calc(var(--base) * 1.5)' }}
    >
      <FieldLabel label="Dispute evidence" path={path} />
      <p style={{ margin: '0 0 8px' }}>
        Dispute <code>{record.disputeId}</code>: {STATUS_TEXT[record.status ?? ''] ?? record.status}
        {record.status === 'submitted' && record.submittedAt
          ? ` ${record.submittedAt.replace('T', ' ').slice(0, 19)} UTC, ${record.submittedBy ?? ''}.`
          : ''}
      </p>
      {record.lastError && (
        <p role="alert" style={{ margin: '0 0 8px', color: 'var(--theme-error-750)' }}>
          {record.lastError}
        </p>
      )}
      <dl style={{ margin: 0 }}>
        {entries.map(([key, value]) => (
          <div key={key} style={{ marginBottom: 8 }}>
            <dt style={{ fontWeight: 600 }}>{LABELS[key] ?? key}</dt>
            <dd style={{ margin: 0 }}>
              <pre
                style={{
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-word',
                  margin: 0,
                  fontSize: 12,
                  maxHeight: 240,
                  overflow: 'auto',
                }}
              >
                {String(value)}
              </pre>
            </dd>
          </div>
        ))}
      </dl>
      {submittable && (
        <Button buttonStyle="primary" size="small" disabled={busy} onClick={submit}>
          {busy ? 'Submitting…' : 'Submit evidence to Stripe'}
        </Button>
      )}
      <ActionMessage message={message} />
    </div>
  )
}
