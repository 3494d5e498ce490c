import type { CollectionAfterChangeHook } from 'payload'

import type { PurchaseDoc } from '../fulfilment/PurchaseDoc'

import { SEND_PAYMENT_FAILED_TASK } from '../jobs/SEND_PAYMENT_FAILED_TASK'
import { SEND_PURCHASE_RECEIPT_TASK } from '../jobs/SEND_PURCHASE_RECEIPT_TASK'
import { STOREFRONT_QUEUE } from '../jobs/STOREFRONT_QUEUE'

/**
 * Queues the receipt when a purchase becomes paid (created paid, or pending → paid) and the
 * payment-failed email when it becomes failed. Queued with `req`, so the job exists exactly
 * when the purchase change commits. Sending happens in the job, never in the webhook request.
 */
export const queuePurchaseEmails: CollectionAfterChangeHook<PurchaseDoc> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const became = (status: PurchaseDoc['status']) =>
    doc.status === status && (operation === 'create' || previousDoc?.status !== status)
  const input = { purchaseId: String(doc.id) }
  if (became('paid') && doc.receipt?.status !== 'sent') {
    await req.payload.jobs.queue({
      task: SEND_PURCHASE_RECEIPT_TASK as never,
      input: input as never,
      queue: STOREFRONT_QUEUE,
      req,
    })
  }
  if (became('failed')) {
    await req.payload.jobs.queue({
      task: SEND_PAYMENT_FAILED_TASK as never,
      input: input as never,
      queue: STOREFRONT_QUEUE,
      req,
    })
  }
  return doc
}
