'use client'

import { FieldLabel, useFormFields } from '@payloadcms/ui'

const LABELS: Record<string, string> = {
  resend_receipt: 'Receipt resent',
  comp_grant: 'Complimentary purchase granted',
  revoke: 'Access revoked',
  restore: 'Access restored',
  refund: 'Refund requested in Stripe',
  dispute_evidence: 'Dispute evidence submitted',
}

type Row = {
  action?: unknown
  byEmail?: unknown
  by?: unknown
  at?: unknown
  reason?: unknown
  detail?: unknown
}

/** What staff did to this purchase (who, when, why), newest first, as a table to read. */
export function StaffActionLog() {
  const rows = useFormFields(([fields]) => {
    const count = Number(fields.staffActions?.value ?? 0)
    const list: Row[] = []
    for (let index = 0; index < count; index += 1) {
      const at = (name: string) => fields[`staffActions.${index}.${name}`]?.value
      list.push({
        action: at('action'),
        byEmail: at('byEmail'),
        by: at('by'),
        at: at('at'),
        reason: at('reason'),
        detail: at('detail'),
      })
    }
    return list
  })
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Staff actions" path="staffActions" />
      {rows.length === 0 ? (
        <p style={{ margin: 0 }}>None yet.</p>
      ) : (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left' }}>When (UTC)</th>
              <th style={{ textAlign: 'left' }}>What</th>
              <th style={{ textAlign: 'left' }}>Who</th>
              <th style={{ textAlign: 'left' }}>Why</th>
              <th style={{ textAlign: 'left' }}>Detail</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((row, index) => (
              <tr key={index}>
                <td>{typeof row.at === 'string' ? row.at.replace('T', ' ').slice(0, 19) : ''}</td>
                <td>{LABELS[String(row.action)] ?? String(row.action)}</td>
                <td>{String(row.byEmail ?? `user ${String(row.by)}`)}</td>
                <td>{String(row.reason ?? '')}</td>
                <td>{String(row.detail ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
