import type { CollectionAfterChangeHook } from 'payload'

import type { PurchaseDoc, PurchaseStatus } from '../fulfilment/types'

import {
  SEND_PAYMENT_FAILED_TASK,
  SEND_PURCHASE_RECEIPT_TASK,
  STOREFRONT_QUEUE,
} from '../constants'

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
  const became = (status: PurchaseStatus) =>
    doc.status === status && (operation === 'create' || previousDoc?.status !== status)
  const input = { purchaseId: String(doc.id) }
  const queue = (task: string) =>
    req.payload.jobs.queue({
      task: task as never,
      input: input as never,
      queue: STOREFRONT_QUEUE,
      req,
    })
  if (became('paid') && doc.receipt?.status !== 'sent') await queue(SEND_PURCHASE_RECEIPT_TASK)
  if (became('failed')) await queue(SEND_PAYMENT_FAILED_TASK)
  return doc
}
