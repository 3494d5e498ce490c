import type { Endpoint, PayloadRequest } from 'payload'

import type { PurchaseDoc } from '../fulfilment/types'
import type { StaffRequest } from '../operations/staff/staffAction'
import type { ResolvedStorefrontOptions } from '../types'

import { CHECKOUT_BODY_LIMIT_BYTES } from '../constants'
import { StorefrontError } from '../errors'
import { restoreAccess, revokeAccess } from '../operations/staff/changeAccess'
import { grantComplimentaryPurchase } from '../operations/staff/grantComplimentaryPurchase'
import { refundPurchase } from '../operations/staff/refundPurchase'
import { resendReceipt } from '../operations/staff/resendReceipt'
import { submitDisputeEvidenceByStaff } from '../operations/staff/submitDisputeEvidence'
import { errorResponse, readBodyWithLimit } from './http'
import { requireStaff } from './requireStaff'

type Body = Record<string, unknown>

export async function readBody(req: PayloadRequest): Promise<Body> {
  const raw = (await readBodyWithLimit(req, CHECKOUT_BODY_LIMIT_BYTES)).toString('utf8')
  if (!raw.trim()) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Body
  } catch {
    // answered below
  }
  throw new StorefrontError('Send a JSON object, e.g. {"reason": "Customer asked by email"}.', 400)
}

export function reasonOf(body: Body): string {
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (!reason || reason.length > 500)
    throw new StorefrontError(
      'Say why (a "reason" of up to 500 characters): it is recorded on the purchase for the next person who looks.',
      400,
    )
  return reason
}

const idOf = (value: unknown): null | number | string =>
  typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? value : null

function respond(purchase: PurchaseDoc): Response {
  return Response.json(
    { purchase: { id: purchase.id, status: purchase.status } },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}

/** One staff endpoint: authorise, parse, call its operation, answer `{ purchase }` or `{ error }`. */
function staffEndpoint(
  options: ResolvedStorefrontOptions,
  path: string,
  run: (request: StaffRequest, body: Body, purchaseId: string) => Promise<PurchaseDoc>,
): Endpoint {
  return {
    path,
    method: 'post',
    handler: async (req) => {
      try {
        const staff = requireStaff(req, options)
        const body = await readBody(req)
        const reason = reasonOf(body)
        const purchaseId = String(req.routeParams?.id ?? '')
        if (path.includes(':id') && !/^\d+$/.test(purchaseId))
          throw new StorefrontError(`There is no purchase ${purchaseId}.`, 404)
        const who = { id: staff.id, email: (staff as { email?: string }).email }
        return respond(await run({ req, options, staff: who, reason }, body, purchaseId))
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}

/**
 * The staff actions on purchases, as `purchases` collection endpoints:
 * POST /api/purchases/:id/{resend-receipt,revoke,restore,refund,submit-dispute-evidence} and
 * POST /api/purchases/comp.
 */
export function createStaffActionEndpoints(options: ResolvedStorefrontOptions): Endpoint[] {
  return [
    staffEndpoint(options, '/:id/resend-receipt', (request, _body, purchaseId) =>
      resendReceipt({ ...request, purchaseId }),
    ),
    staffEndpoint(options, '/:id/revoke', (request, _body, purchaseId) =>
      revokeAccess({ ...request, purchaseId }),
    ),
    staffEndpoint(options, '/:id/restore', (request, _body, purchaseId) =>
      restoreAccess({ ...request, purchaseId }),
    ),
    staffEndpoint(options, '/:id/refund', (request, body, purchaseId) => {
      if (body.amountCents !== undefined && typeof body.amountCents !== 'number')
        throw new StorefrontError(
          'amountCents is the amount to refund in the smallest unit (e.g. 1000 for $10.00), or leave it out to refund everything.',
          400,
        )
      return refundPurchase({
        ...request,
        purchaseId,
        amountCents: body.amountCents as number | undefined,
      })
    }),
    staffEndpoint(options, '/:id/submit-dispute-evidence', (request, _body, purchaseId) =>
      submitDisputeEvidenceByStaff({ ...request, purchaseId }),
    ),
    staffEndpoint(options, '/comp', (request, body) => {
      const userId = idOf(body.userId)
      const userEmail = typeof body.userEmail === 'string' ? body.userEmail.trim() : ''
      const productId = idOf(body.productId)
      if ((userId === null && !userEmail) || productId === null)
        throw new StorefrontError(
          'Name the customer (userId or userEmail) and the product (productId): {"userEmail": "ada@example.com", "productId": 3, "reason": "..."}.',
          400,
        )
      return grantComplimentaryPurchase({
        ...request,
        customer: userId !== null ? { id: userId } : { email: userEmail },
        productId,
      })
    }),
  ]
}
