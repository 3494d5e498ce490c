import { randomUUID } from 'node:crypto'

import type { PurchaseDoc } from '../../fulfilment/types'
import type { StaffRequest } from './staffAction'

import { SEND_PURCHASE_RECEIPT_TASK, STOREFRONT_QUEUE } from '../../constants'
import { inDurableTransaction } from '../../database/transactions'
import { lockPurchase, needsStatus, recordStaffAction } from './staffAction'

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
    return recordStaffAction(req, purchase, args.staff, {
      action: 'resend_receipt',
      reason: args.reason,
      detail: `queued with idempotency key purchase-receipt/${purchase.id}/resend/${resendKey}`,
    })
  })
}
