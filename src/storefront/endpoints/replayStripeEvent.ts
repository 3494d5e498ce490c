import type { Endpoint } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { replayStripeEvent } from '../operations/staff/replayStripeEvent'
import { errorResponse } from './http'
import { requireStaff } from './requireStaff'
import { readBody, reasonOf } from './staffActions'

/**
 * POST /api/stripe-events/:id/replay `{reason}`: staff apply a failed or rejected ledger event
 * again, fetched from Stripe. Answers `{event: {id, eventId, outcome, note}}`.
 */
export function createReplayStripeEventEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/:id/replay',
    method: 'post',
    handler: async (req) => {
      try {
        const staff = requireStaff(req, options, 'replay Stripe events')
        const reason = reasonOf(await readBody(req))
        // Payload fills routeParams from the path; an id that is no ledger id finds nothing: 404.
        const ledgerId = String(req.routeParams?.id)
        const entry = await replayStripeEvent({
          req,
          options,
          staff: { id: staff.id, email: (staff as { email?: string }).email },
          reason,
          ledgerId,
        })
        return Response.json(
          {
            event: {
              id: entry.id,
              eventId: entry.eventId,
              outcome: entry.outcome,
              note: entry.note ?? null,
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
