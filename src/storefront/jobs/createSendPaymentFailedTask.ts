import type { TaskConfig } from 'payload'

import type { ResolvedStorefrontOptions } from '../types'

import { renderPaymentFailedEmail } from '../email/renderPaymentFailedEmail'
import { sendEmail } from '../email/sendEmail'
import { EMAIL_RETRIES } from './EMAIL_RETRIES'
import { SEND_PAYMENT_FAILED_TASK } from './SEND_PAYMENT_FAILED_TASK'
import { loadEmailContext } from './loadEmailContext'

/** Tells the shopper a delayed payment failed; once per purchase thanks to the idempotency key. */
export function createSendPaymentFailedTask(options: ResolvedStorefrontOptions): TaskConfig {
  return {
    slug: SEND_PAYMENT_FAILED_TASK,
    label: 'Send payment-failed email',
    inputSchema: [{ name: 'purchaseId', type: 'text', required: true }],
    retries: EMAIL_RETRIES,
    handler: async ({ input, req }) => {
      const { purchaseId } = input as { purchaseId: string }
      const { purchase, input: email } = await loadEmailContext(req.payload, options, purchaseId)
      if (purchase.status !== 'failed')
        return { output: { skipped: `purchase is ${purchase.status}` } }
      const resendId = await sendEmail(options.email, {
        ...renderPaymentFailedEmail(email),
        to: email.customerEmail,
        idempotencyKey: `payment-failed/${purchase.id}`,
      })
      return { output: { resendId } }
    },
  } as TaskConfig
}
