'use client'

import { Button } from '@payloadcms/ui'

import { ActionMessage } from './ActionMessage'
import { useStaffRequest } from './useStaffRequest'

type RunSummary = {
  id: number | string
  status: string
  sessionsSeen: number
  purchasesRepaired: number
  purchasesSettled: number
  eventsRepaired: number
  errorCount: number
}

function describe(run: RunSummary): string {
  if (run.status === 'failed')
    return 'The sweep could not list Stripe’s sessions; open the run for why.'
  const repaired = run.purchasesRepaired + run.purchasesSettled + run.eventsRepaired
  const what = repaired
    ? `repaired ${repaired}: ${run.purchasesRepaired} purchase(s) created, ${run.purchasesSettled} settled, ${run.eventsRepaired} failed event(s) applied`
    : 'nothing was missing'
  return `Checked ${run.sessionsSeen} completed checkout(s): ${what}${run.errorCount ? `; ${run.errorCount} error(s), see the run` : ''}.`
}

/**
 * "Reconcile now" above the list of reconciliation runs: runs the sweep at once (staff only,
 * POST /api/storefront/reconcile) and says what it found.
 */
export function ReconcileNow() {
  const { busy, message, send } = useStaffRequest()

  const run = () =>
    send<{ run?: RunSummary }>({
      path: '/storefront/reconcile',
      failure: 'The sweep failed',
      outcome: ({ run }) => (run ? { ok: run.status !== 'failed', text: describe(run) } : null),
    })

  return (
    <div
      className="storefront-reconcile"
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 'calc(var(--base) / 2)',
        marginBottom: 'var(--base)',
      }}
    >
      <Button buttonStyle="primary" size="small" disabled={busy} onClick={run}>
        {busy ? 'Reconciling…' : 'Reconcile now'}
      </Button>
      <span style={{ opacity: 0.8 }}>
        Asks Stripe for completed checkouts and applies any the webhook missed.
      </span>
      <ActionMessage message={message} style={{ flexBasis: '100%', margin: 0 }} />
    </div>
  )
}
