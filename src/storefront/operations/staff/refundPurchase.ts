import { randomUUID } from 'node:crypto'

import type { PurchaseDoc } from '../../fulfilment/types'
import type { StaffRequest } from './staffAction'

import { inDurableTransaction } from '../../database/transactions'
import { StorefrontError } from '../../errors'
import { refundPayment } from '../../stripe/refunds'
import { formatPrice } from '../../utilities/formatPrice'
import { lockPurchase, needsStatus, recordStaffAction } from './staffAction'

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
    recordStaffAction(tx, await lockPurchase(tx, purchase.id), args.staff, {
      action: 'refund',
      reason: args.reason,
      detail: `${amount} refunded in Stripe (${refundId}${args.amountCents !== undefined && args.amountCents < purchase.amountCents ? ', partial: access stays' : ''})`,
    }),
  )
}
