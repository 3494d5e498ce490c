import type { CollectionSlug, TaskConfig } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { PURCHASES_SLUG } from '../utilities/PURCHASES_SLUG'
import { renderReceiptEmail } from '../email/renderReceiptEmail'
import { sendEmail } from '../email/sendEmail'
import { EMAIL_RETRIES } from './EMAIL_RETRIES'
import { SEND_PURCHASE_RECEIPT_TASK } from './SEND_PURCHASE_RECEIPT_TASK'
import { loadEmailContext } from './loadEmailContext'

/**
 * Sends one purchase's receipt, exactly once: skipped when already sent, and Resend's idempotency
 * key `purchase-receipt/<id>` collapses any duplicate send from a retry or a second worker.
 */
export function createSendPurchaseReceiptTask(options: ResolvedStorefrontOptions): TaskConfig {
  return {
    slug: SEND_PURCHASE_RECEIPT_TASK,
    label: 'Send purchase receipt',
    inputSchema: [{ name: 'purchaseId', type: 'text', required: true }],
    retries: EMAIL_RETRIES,
    handler: async ({ input, req }) => {
      const { purchaseId } = input as { purchaseId: string }
      const { purchase, input: email } = await loadEmailContext(req.payload, options, purchaseId)
      if (purchase.receipt?.status === 'sent') return { output: { skipped: 'already sent' } }
      if (purchase.status !== 'paid')
        return { output: { skipped: `purchase is ${purchase.status}` } }

      const recordReceipt = (receipt: Record<string, unknown>) =>
        req.payload.update({
          collection: PURCHASES_SLUG as CollectionSlug,
          id: purchase.id,
          data: { receipt },
          depth: 0,
          overrideAccess: true,
        })
      let resendId: string
      try {
        resendId = await sendEmail(options.email, {
          ...renderReceiptEmail(email),
          to: email.customerEmail,
          idempotencyKey: `purchase-receipt/${purchase.id}`,
        })
      } catch (error) {
        await recordReceipt({ status: 'failed', lastError: (error as Error).message })
        throw error // the job system retries with backoff
      }
      // If this write fails the job retries; Resend's idempotency key returns the same id, no second email.
      await recordReceipt({
        status: 'sent',
        sentAt: new Date().toISOString(),
        resendId,
        lastError: null,
      })
      return { output: { resendId } }
    },
  } as TaskConfig
}
