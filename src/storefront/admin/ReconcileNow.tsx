'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

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
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<null | { ok: boolean; text: string }>(null)

  const run = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/storefront/reconcile`, {
        method: 'POST',
        credentials: 'include',
      })
      const json = (await response.json().catch(() => ({}))) as {
        error?: string
        run?: RunSummary
      }
      if (!response.ok || !json.run) {
        setMessage({ ok: false, text: json.error ?? `The sweep failed (${response.status}).` })
        return
      }
      setMessage({ ok: json.run.status !== 'failed', text: describe(json.run) })
      router.refresh()
    } catch {
      setMessage({ ok: false, text: 'The shop could not be reached; try again in a moment.' })
    } finally {
      setBusy(false)
    }
  }

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
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          style={{
            flexBasis: '100%',
            margin: 0,
            color: message.ok ? 'var(--theme-success-750)' : 'var(--theme-error-750)',
          }}
        >
          {message.text}
        </p>
      )}
    </div>
  )
}
