import type { CollectionSlug, PayloadRequest } from 'payload'

import type { PurchaseDoc, PurchaseStatus } from '../../fulfilment/types'
import type { ResolvedStorefrontOptions } from '../../types'

import { PURCHASES_SLUG } from '../../constants'
import { lockRow } from '../../database/transactions'
import { StorefrontError } from '../../errors'

/**
 * What support staff do to a purchase from the admin, one use case each. Every action is recorded
 * on the purchase (`staffActions`: what, who, when, why) in the transaction that does it.
 */

export const STAFF_ACTIONS = [
  { value: 'resend_receipt', label: 'Receipt resent' },
  { value: 'comp_grant', label: 'Complimentary purchase granted' },
  { value: 'revoke', label: 'Access revoked' },
  { value: 'restore', label: 'Access restored' },
  { value: 'refund', label: 'Refund requested in Stripe' },
  { value: 'dispute_evidence', label: 'Dispute evidence submitted' },
] as const

export type StaffAction = (typeof STAFF_ACTIONS)[number]['value']

/** Who acts and why; the endpoint has checked that `staff` holds a staff role. */
export type StaffRequest = {
  req: PayloadRequest
  options: ResolvedStorefrontOptions
  staff: { id: number | string; email?: string }
  reason: string
}

export type StaffActionRow = {
  action: StaffAction
  by: number | string
  byEmail?: null | string
  at: string
  reason: string
  detail?: null | string
}

/** Locks the purchase and returns it; 404 when there is none. */
export async function lockPurchase(
  req: PayloadRequest,
  purchaseId: number | string,
): Promise<PurchaseDoc> {
  const locked = await lockRow({
    req,
    collectionSlug: PURCHASES_SLUG,
    id: purchaseId,
    columns: ['id'],
  })
  if (!locked) throw new StorefrontError(`There is no purchase ${purchaseId}.`, 404)
  return (await req.payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchaseId,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as PurchaseDoc
}

export async function recordStaffAction(
  req: PayloadRequest,
  purchase: PurchaseDoc & { staffActions?: StaffActionRow[] | null },
  staff: StaffRequest['staff'],
  row: Omit<StaffActionRow, 'at' | 'by' | 'byEmail'>,
): Promise<PurchaseDoc> {
  const existing = (purchase.staffActions ?? []).map(
    ({ action, by, byEmail, at, reason, detail }) => ({
      action,
      by: typeof by === 'object' && by ? (by as { id: number | string }).id : by,
      byEmail,
      at,
      reason,
      detail,
    }),
  )
  return (await req.payload.update({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchase.id,
    // The plugin does not depend on the app's generated types: the shape is this collection's.
    data: {
      staffActions: [
        ...existing,
        { ...row, by: staff.id, byEmail: staff.email ?? null, at: new Date().toISOString() },
      ],
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as PurchaseDoc
}

export function needsStatus(purchase: PurchaseDoc, allowed: PurchaseStatus[], doing: string): void {
  if (!allowed.includes(purchase.status))
    throw new StorefrontError(
      `This purchase is ${purchase.status}, so it cannot be ${doing}; only a ${allowed.join(' or ')} purchase can.`,
      409,
    )
}
