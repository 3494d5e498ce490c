import type { PayloadRequest } from 'payload'

import type { ResolvedStorefrontOptions } from '../../types'

import { reconcile, type ReconciliationRun } from '../../reconciliation/sweep'

/**
 * "Reconcile now": the scheduled sweep, run at once for a staff member, who waits for its
 * result. Recorded as a run started by them.
 */
export function reconcileNow(args: {
  req: PayloadRequest
  options: ResolvedStorefrontOptions
  staff: { id: number | string }
}): Promise<ReconciliationRun> {
  return reconcile({
    payload: args.req.payload,
    options: args.options,
    trigger: 'staff',
    startedBy: args.staff.id,
  })
}
