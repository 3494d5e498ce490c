import type { CollectionSlug, Payload } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'
import type { SweepTally } from './repairs'

import { RECONCILIATION_RUNS_SLUG } from '../constants'
import { sendEmail } from '../email/resend'
import { shortReason } from '../fulfilment/ledger'
import { completedSessionPages } from '../stripe/checkoutSessions'
import { renderReconciliationAlert } from './alertEmail'
import { repairSessionPage, retryFailedEvents, settlePendingPurchases } from './repairs'

export type ReconciliationRun = {
  id: number | string
  trigger: 'schedule' | 'staff'
  status: 'failed' | 'running' | 'succeeded'
  windowStart: string
  windowEnd: string
  finishedAt?: null | string
  sessionsSeen?: null | number
  purchasesRepaired?: null | number
  purchasesSettled?: null | number
  eventsRepaired?: null | number
  errorCount?: null | number
  alert?: { status?: null | string; resendId?: null | string }
}

/** The most recent run that listed its whole window: the next window starts from its end. */
export async function lastSucceededRun(payload: Payload): Promise<null | ReconciliationRun> {
  const { docs } = await payload.find({
    collection: RECONCILIATION_RUNS_SLUG as CollectionSlug,
    where: { status: { equals: 'succeeded' } },
    sort: '-windowEnd',
    limit: 1,
    depth: 0,
  })
  return (docs[0] as unknown as ReconciliationRun | undefined) ?? null
}

/**
 * The reconciliation sweep. Lists the Checkout Sessions Stripe completed since the last
 * successful sweep (less `overlapMinutes`, since a session can be paid up to a day after it was
 * created), and runs the webhook's own `fulfil` for each session of this shop that has no
 * purchase; then settles pending purchases whose settlement was missed and applies again the
 * ledger events stuck in `failed`. Safe beside the webhook and beside another sweep: fulfilment
 * locks per session and never makes a second purchase. Recorded as a run; an alert email goes
 * to `reconciliation.alertEmail` when it repaired anything.
 */
export async function reconcile({
  payload,
  options,
  trigger,
  startedBy,
  now = new Date(),
}: {
  payload: Payload
  options: ResolvedStorefrontOptions
  trigger: 'schedule' | 'staff'
  startedBy?: number | string
  now?: Date
}): Promise<ReconciliationRun> {
  const { secretKey } = options.stripe
  const overlapMs = options.reconciliation.overlapMinutes * 60_000
  const last = await lastSucceededRun(payload)
  const from = new Date(
    Math.min(
      now.getTime(),
      (last ? new Date(last.windowEnd).getTime() : now.getTime()) - overlapMs,
    ),
  )
  const window = { from, to: now }
  const run = (await payload.create({
    collection: RECONCILIATION_RUNS_SLUG as CollectionSlug,
    data: {
      trigger,
      ...(startedBy !== undefined ? { startedBy } : {}),
      status: 'running',
      windowStart: from.toISOString(),
      windowEnd: now.toISOString(),
    } as never,
    depth: 0,
    overrideAccess: true,
  })) as unknown as ReconciliationRun

  const tally: SweepTally = { sessionsSeen: 0, repairs: [], problems: [] }
  let status: ReconciliationRun['status'] = 'succeeded'
  let note: null | string = null
  if (!secretKey) {
    status = 'failed'
    note = 'No Stripe key is configured (STRIPE_SECRET_KEY), so Stripe could not be asked.'
  } else {
    const context = { payload, options, keys: { ...options.stripe, secretKey } }
    try {
      for await (const page of completedSessionPages(context.keys, window)) {
        await repairSessionPage(context, page, tally)
      }
    } catch (error) {
      payload.logger.error({ err: error }, 'Reconciliation: listing Checkout Sessions failed.')
      status = 'failed'
      note = `Listing Checkout Sessions failed: ${shortReason(error)} The next run covers this window again.`
    }
    await settlePendingPurchases(context, tally)
    await retryFailedEvents(context, tally)
  }

  const count = (kind: SweepTally['repairs'][number]['kind']) =>
    tally.repairs.filter((repair) => repair.kind === kind).length
  const alert = await sendAlert({ payload, options, runId: run.id, window, tally })
  const finished = (await payload.update({
    collection: RECONCILIATION_RUNS_SLUG as CollectionSlug,
    id: run.id,
    data: {
      status,
      note,
      finishedAt: new Date().toISOString(),
      sessionsSeen: tally.sessionsSeen,
      purchasesRepaired: count('purchase_created'),
      purchasesSettled: count('purchase_settled'),
      eventsRepaired: count('event_applied'),
      errorCount: tally.problems.filter((problem) => problem.kind === 'error').length,
      repairs: tally.repairs.slice(0, 500),
      problems: tally.problems.slice(0, 500),
      alert,
    } as never,
    depth: 0,
    overrideAccess: true,
  })) as unknown as ReconciliationRun
  if (tally.repairs.length) {
    payload.logger.warn(
      { run: run.id, repairs: tally.repairs.length },
      'Reconciliation repaired what the webhook missed; is the webhook endpoint reachable?',
    )
  }
  return finished
}

/** The alert email, once per run (Resend's idempotency key is the run's); its failure is recorded, not thrown. */
async function sendAlert(args: {
  payload: Payload
  options: ResolvedStorefrontOptions
  runId: number | string
  window: { from: Date; to: Date }
  tally: SweepTally
}): Promise<Record<string, null | string>> {
  const { payload, options, tally } = args
  if (!tally.repairs.length) return { status: 'not_needed' }
  const to = options.reconciliation.alertEmail
  if (!to) return { status: 'no_address' }
  const adminRoute = payload.config.routes?.admin ?? '/admin'
  const runUrl = `${payload.config.serverURL}${adminRoute}/collections/${RECONCILIATION_RUNS_SLUG}/${args.runId}`
  try {
    const resendId = await sendEmail(options.email, {
      ...renderReconciliationAlert({
        storeName: options.storeName,
        runUrl,
        window: args.window,
        tally,
      }),
      to,
      idempotencyKey: `reconciliation-alert/${args.runId}`,
    })
    return { status: 'sent', to, resendId, lastError: null }
  } catch (error) {
    payload.logger.error({ err: error }, 'Reconciliation: the alert email could not be sent.')
    return { status: 'failed', to, lastError: (error as Error).message.slice(0, 500) }
  }
}
