import type { Endpoint } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { reconcileNow } from '../operations/staff/reconcileNow'
import { errorResponse } from './http'
import { requireStaff } from './requireStaff'

/**
 * POST /api/storefront/reconcile: "Reconcile now" for staff. Runs the sweep and answers with its
 * run once it has finished.
 */
export function createReconcileEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/storefront/reconcile',
    method: 'post',
    handler: async (req) => {
      try {
        const staff = requireStaff(req, options, 'reconcile with Stripe')
        const run = await reconcileNow({ req, options, staff: { id: staff.id } })
        return Response.json(
          {
            run: {
              id: run.id,
              status: run.status,
              windowStart: run.windowStart,
              windowEnd: run.windowEnd,
              sessionsSeen: run.sessionsSeen ?? 0,
              purchasesRepaired: run.purchasesRepaired ?? 0,
              purchasesSettled: run.purchasesSettled ?? 0,
              eventsRepaired: run.eventsRepaired ?? 0,
              errorCount: run.errorCount ?? 0,
            },
          },
          { headers: { 'Cache-Control': 'no-store' } },
        )
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}
