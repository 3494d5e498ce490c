import type { CollectionSlug, Payload } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { PURCHASES_SLUG, RECONCILIATION_RUNS_SLUG, STRIPE_EVENTS_SLUG } from '../constants'
import { EVENT_OUTCOMES, type EventOutcome } from '../fulfilment/types'

/** The sweep counts as stopped once it has missed this many of its intervals. */
export const MISSED_SWEEPS_BEFORE_UNHEALTHY = 3

type RunSummary = {
  id: number | string
  status: string
  finishedAt: null | string
  purchasesRepaired: number
  purchasesSettled: number
  eventsRepaired: number
  errorCount: number
}

export type Health = {
  /** `stale`: the sweep has not succeeded in 3 intervals (answered 503); `unscheduled`: no schedule. */
  status: 'ok' | 'stale' | 'unscheduled'
  checkedAt: string
  sweep: {
    everyMinutes: false | number
    lastRun: null | RunSummary
    lastSucceededAt: null | string
    /** Unhealthy when no sweep succeeded since then. */
    staleAfter: null | string
  }
  /** Stripe events received in the last 24 hours, by what the shop did with them. */
  ledgerLast24h: Record<EventOutcome, number>
  /** Purchases whose receipt Resend refused (being retried, or given up). */
  receiptsFailing: number
  oldestPendingPurchase: null | { id: number | string; createdAt: string; ageMinutes: number }
}

const summary = (run: Record<string, unknown>): RunSummary => ({
  id: run.id as number | string,
  status: String(run.status),
  finishedAt: (run.finishedAt as null | string) ?? null,
  purchasesRepaired: Number(run.purchasesRepaired ?? 0),
  purchasesSettled: Number(run.purchasesSettled ?? 0),
  eventsRepaired: Number(run.eventsRepaired ?? 0),
  errorCount: Number(run.errorCount ?? 0),
})

/**
 * The numbers an on-call person needs, read fresh: the last sweep, what happened to Stripe's
 * events in the last day, receipts failing, the oldest purchase still waiting for its money.
 */
export async function describeHealth({
  payload,
  options,
  now = new Date(),
}: {
  payload: Payload
  options: ResolvedStorefrontOptions
  now?: Date
}): Promise<Health> {
  const latest = async (where: Record<string, unknown>) =>
    (
      await payload.find({
        collection: RECONCILIATION_RUNS_SLUG as CollectionSlug,
        where: where as never,
        sort: '-finishedAt',
        limit: 1,
        depth: 0,
      })
    ).docs[0] as unknown as Record<string, unknown> | undefined
  const lastRun = await latest({ finishedAt: { exists: true } })
  const lastSucceeded = await latest({ status: { equals: 'succeeded' } })
  const lastSucceededAt = (lastSucceeded?.finishedAt as string | undefined) ?? null

  const { everyMinutes } = options.reconciliation
  let status: Health['status'] = 'unscheduled'
  let staleAfter: null | string = null
  if (everyMinutes !== false) {
    const allowedMs = MISSED_SWEEPS_BEFORE_UNHEALTHY * everyMinutes * 60_000
    staleAfter = lastSucceededAt
      ? new Date(Date.parse(lastSucceededAt) + allowedMs).toISOString()
      : null
    status = staleAfter && Date.parse(staleAfter) > now.getTime() ? 'ok' : 'stale'
  }

  const since = new Date(now.getTime() - 24 * 60 * 60_000).toISOString()
  const counts = await Promise.all(
    EVENT_OUTCOMES.map(async (outcome) => {
      const { totalDocs } = await payload.count({
        collection: STRIPE_EVENTS_SLUG as CollectionSlug,
        where: { and: [{ outcome: { equals: outcome } }, { createdAt: { greater_than: since } }] },
      })
      return [outcome, totalDocs] as const
    }),
  )
  const { totalDocs: receiptsFailing } = await payload.count({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: { 'receipt.status': { equals: 'failed' } },
  })
  const { docs: pending } = await payload.find({
    collection: PURCHASES_SLUG as CollectionSlug,
    where: { status: { equals: 'pending' } },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
  })
  const oldest = pending[0] as undefined | { id: number | string; createdAt: string }

  return {
    status,
    checkedAt: now.toISOString(),
    sweep: {
      everyMinutes,
      lastRun: lastRun ? summary(lastRun) : null,
      lastSucceededAt,
      staleAfter,
    },
    ledgerLast24h: Object.fromEntries(counts) as Record<EventOutcome, number>,
    receiptsFailing,
    oldestPendingPurchase: oldest
      ? {
          id: oldest.id,
          createdAt: oldest.createdAt,
          ageMinutes: Math.floor((now.getTime() - Date.parse(oldest.createdAt)) / 60_000),
        }
      : null,
  }
}
