import type { CollectionSlug, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'

import type { PurchaseDoc, PurchaseStatus } from '../fulfilment/types'
import type { ResolvedStorefrontOptions } from '../types'

import {
  PRODUCTS_SLUG,
  PURCHASES_SLUG,
  SEND_PURCHASE_RECEIPT_TASK,
  STOREFRONT_QUEUE,
} from '../constants'
import { inDurableTransaction, lockRow } from '../database/transactions'
import { StorefrontError } from '../errors'
import { transitionPurchase } from '../fulfilment/purchases'
import { refundPayment } from '../stripe/refunds'
import { formatPrice } from '../utilities/formatPrice'

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
] as const

export type StaffAction = (typeof STAFF_ACTIONS)[number]['value']

/** Who acts and why; the endpoint has checked that `staff` holds a staff role. */
export type StaffRequest = {
  req: PayloadRequest
  options: ResolvedStorefrontOptions
  staff: { id: number | string; email?: string }
  reason: string
}

type StaffActionRow = {
  action: StaffAction
  by: number | string
  byEmail?: null | string
  at: string
  reason: string
  detail?: null | string
}

/** Locks the purchase and returns it; 404 when there is none. */
async function lockPurchase(
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

async function record(
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

function needsStatus(purchase: PurchaseDoc, allowed: PurchaseStatus[], doing: string): void {
  if (!allowed.includes(purchase.status))
    throw new StorefrontError(
      `This purchase is ${purchase.status}, so it cannot be ${doing}; only a ${allowed.join(' or ')} purchase can.`,
      409,
    )
}

/** Sends the receipt again: a new job with a new idempotency key, so Resend sends a new email. */
export function resendReceipt(
  args: StaffRequest & { purchaseId: number | string },
): Promise<PurchaseDoc> {
  return inDurableTransaction(args.req.payload, async (req) => {
    const purchase = await lockPurchase(req, args.purchaseId)
    needsStatus(purchase, ['paid'], 'sent a receipt')
    const resendKey = randomUUID()
    await req.payload.jobs.queue({
      task: SEND_PURCHASE_RECEIPT_TASK as never,
      input: { purchaseId: String(purchase.id), resendKey } as never,
      queue: STOREFRONT_QUEUE,
      req,
    })
    return record(req, purchase, args.staff, {
      action: 'resend_receipt',
      reason: args.reason,
      detail: `queued with idempotency key purchase-receipt/${purchase.id}/resend/${resendKey}`,
    })
  })
}

/** Ends the buyer's access (downloads answer 403) without touching the payment. */
export function revokeAccess(
  args: StaffRequest & { purchaseId: number | string },
): Promise<PurchaseDoc> {
  return changeAccess(args, { to: 'revoked', from: ['paid'], action: 'revoke', doing: 'revoked' })
}

/** Gives a revoked purchase its access back. */
export function restoreAccess(
  args: StaffRequest & { purchaseId: number | string },
): Promise<PurchaseDoc> {
  return changeAccess(args, { to: 'paid', from: ['revoked'], action: 'restore', doing: 'restored' })
}

function changeAccess(
  args: StaffRequest & { purchaseId: number | string },
  change: { to: PurchaseStatus; from: PurchaseStatus[]; action: StaffAction; doing: string },
): Promise<PurchaseDoc> {
  return inDurableTransaction(args.req.payload, async (req) => {
    const purchase = await lockPurchase(req, args.purchaseId)
    needsStatus(purchase, change.from, change.doing)
    const moved = await transitionPurchase(req, {
      purchaseId: purchase.id,
      to: change.to,
      from: change.from,
    })
    return record(req, moved.purchase, args.staff, {
      action: change.action,
      reason: args.reason,
      detail: `status ${moved.previous} → ${change.to}`,
    })
  })
}

/**
 * Refunds the payment in Stripe (all of it, or `amountCents`). The purchase's status is moved by
 * the `charge.refunded` webhook that follows, as for a refund made in the Stripe dashboard: a full
 * refund ends access, a partial one keeps it.
 * @throws StorefrontError 404, 409 (not a paid Stripe purchase, or Stripe refused), 502 Stripe unreachable
 */
export async function refundPurchase(
  args: StaffRequest & { purchaseId: number | string; amountCents?: number },
): Promise<PurchaseDoc> {
  const { req, options } = args
  const purchase = await inDurableTransaction(req.payload, (tx) =>
    lockPurchase(tx, args.purchaseId),
  )
  needsStatus(purchase, ['paid', 'revoked'], 'refunded')
  if (purchase.source !== 'stripe' || !purchase.stripePaymentIntentId)
    throw new StorefrontError(
      'This purchase was not paid through Stripe (a complimentary grant), so there is nothing to refund; revoke its access instead.',
      409,
    )
  if (
    args.amountCents !== undefined &&
    (!Number.isInteger(args.amountCents) ||
      args.amountCents < 1 ||
      args.amountCents > purchase.amountCents)
  )
    throw new StorefrontError(
      `A refund is between 1 and ${purchase.amountCents} in the smallest unit (${formatPrice(purchase.amountCents, purchase.currency)} was paid).`,
      400,
    )
  const { secretKey } = options.stripe
  if (!secretKey)
    throw new StorefrontError(
      'No Stripe key is configured (STRIPE_SECRET_KEY), so nothing can be refunded.',
      502,
    )
  const actionId = randomUUID()
  let refundId: string
  try {
    const refund = await refundPayment(
      { ...options.stripe, secretKey },
      {
        paymentIntentId: purchase.stripePaymentIntentId,
        amount: args.amountCents,
        idempotencyKey: `storefront-refund/${purchase.id}/${actionId}`,
        purchaseId: String(purchase.id),
      },
    )
    refundId = refund.id
  } catch (error) {
    const stripeError = error as { type?: string; message?: string }
    if (stripeError.type === 'StripeInvalidRequestError')
      throw new StorefrontError(`Stripe refused the refund: ${stripeError.message}`, 409)
    req.payload.logger.error({ err: error }, 'Refund failed: Stripe could not be reached.')
    throw new StorefrontError(
      'Stripe could not be reached, so nothing was refunded. Try again in a moment.',
      502,
    )
  }
  const amount = formatPrice(args.amountCents ?? purchase.amountCents, purchase.currency)
  return inDurableTransaction(req.payload, async (tx) =>
    record(tx, await lockPurchase(tx, purchase.id), args.staff, {
      action: 'refund',
      reason: args.reason,
      detail: `${amount} refunded in Stripe (${refundId}${args.amountCents !== undefined && args.amountCents < purchase.amountCents ? ', partial: access stays' : ''})`,
    }),
  )
}

/**
 * Gives a customer a product without payment: a paid purchase with source `comp`, no Stripe
 * involved. The receipt is queued as for any paid purchase.
 * @throws StorefrontError 404 unknown user or product
 */
export async function grantComplimentaryPurchase(
  args: StaffRequest & {
    customer: { id: number | string } | { email: string }
    productId: number | string
  },
): Promise<PurchaseDoc> {
  const { req, options, customer } = args
  return inDurableTransaction(req.payload, async (tx) => {
    const { docs } = await tx.payload.find({
      collection: options.usersSlug as CollectionSlug,
      where:
        'id' in customer ? { id: { equals: customer.id } } : { email: { equals: customer.email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req: tx,
    })
    const user = docs[0] as undefined | { id: number | string; email?: string }
    if (!user)
      throw new StorefrontError(
        `There is no customer ${'id' in customer ? customer.id : customer.email}; they need an account first.`,
        404,
      )
    const product = (await tx.payload.findByID({
      collection: PRODUCTS_SLUG as CollectionSlug,
      id: args.productId,
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      req: tx,
    })) as null | { id: number | string; slug: string; currency: string; title: string }
    if (!product) throw new StorefrontError(`There is no product ${args.productId}.`, 404)
    const created = (await tx.payload.create({
      collection: PURCHASES_SLUG as CollectionSlug,
      data: {
        user: user.id,
        customerEmail: user.email,
        product: product.id,
        productSlug: product.slug,
        // Unique like a checkout session id, and plainly not one.
        stripeSessionId: `comp_${randomUUID()}`,
        amountCents: 0,
        currency: product.currency,
        status: 'paid',
        source: 'comp',
        paidAt: new Date().toISOString(),
      } as never,
      depth: 0,
      overrideAccess: true,
      req: tx,
    })) as unknown as PurchaseDoc
    return record(tx, created, args.staff, {
      action: 'comp_grant',
      reason: args.reason,
      detail: `"${product.title}" granted to ${user.email ?? user.id}`,
    })
  })
}
