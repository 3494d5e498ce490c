import type { CollectionSlug, Payload, PayloadRequest, TaskConfig } from 'payload'

import type { PurchaseEmailInput, RenderedEmail } from '../email/templates'
import type { PurchaseDoc } from '../fulfilment/types'
import type { ResolvedStorefrontOptions } from '../types'

import {
  EMAIL_RETRIES,
  PURCHASES_SLUG,
  SEND_PAYMENT_FAILED_TASK,
  SEND_PURCHASE_RECEIPT_TASK,
} from '../constants'
import { inDurableTransaction } from '../database/transactions'
import { sendEmail } from '../email/resend'
import { renderPaymentFailedEmail, renderReceiptEmail } from '../email/templates'
import { findProductOfPurchase } from '../fulfilment/products'

/** Everything an email about a purchase needs, read fresh when the job runs. */
async function loadEmailContext(
  payload: Payload,
  options: ResolvedStorefrontOptions,
  purchaseId: number | string,
): Promise<{ purchase: PurchaseDoc; email: PurchaseEmailInput }> {
  const purchase = (await payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchaseId,
    depth: 0,
  })) as unknown as PurchaseDoc
  const product = await findProductOfPurchase(payload, purchase)
  let customerEmail = purchase.customerEmail
  if (!customerEmail) {
    const userId = typeof purchase.user === 'object' ? purchase.user.id : purchase.user
    const user = (await payload.findByID({
      collection: options.usersSlug as CollectionSlug,
      id: userId,
      depth: 0,
    })) as unknown as { email: string }
    customerEmail = user.email
  }
  const site = payload.config.serverURL
  const { routes } = options
  const purchasePath = routes.purchase(encodeURIComponent(String(purchase.id)))
  return {
    purchase,
    email: {
      storeName: options.storeName,
      purchaseId: purchase.id,
      productTitle: product?.title ?? null,
      productSlug: purchase.productSlug,
      amountCents: purchase.amountCents,
      currency: purchase.currency,
      customerEmail,
      purchasedAt: purchase.paidAt ?? purchase.createdAt ?? new Date().toISOString(),
      supportEmail: options.supportEmail,
      links: {
        purchase: `${site}${purchasePath}`,
        signIn: `${site}${routes.login}?callbackUrl=${encodeURIComponent(purchasePath)}`,
        product: `${site}${routes.product(encodeURIComponent(purchase.productSlug))}`,
      },
    },
  }
}

type PurchaseEmailJobInput = { purchaseId: string; resendKey?: null | string }

type PurchaseEmailTask = {
  slug: string
  label: string
  /** Why this purchase gets no email (now), or null to send. */
  skipReason: (purchase: PurchaseDoc, input: PurchaseEmailJobInput) => null | string
  render: (email: PurchaseEmailInput) => RenderedEmail
  idempotencyKey: (purchase: PurchaseDoc, input: PurchaseEmailJobInput) => string
  /** Records the outcome on the purchase, for support. */
  record?: (args: {
    req: PayloadRequest
    purchase: PurchaseDoc
    receipt: Record<string, unknown>
  }) => Promise<unknown>
}

/**
 * A Payload task that sends one email about one purchase, exactly once: Resend's idempotency key
 * collapses any duplicate send from a retry or a second worker, and the job system retries with
 * backoff while Resend is failing.
 */
function createPurchaseEmailTask(
  options: ResolvedStorefrontOptions,
  task: PurchaseEmailTask,
): TaskConfig {
  return {
    slug: task.slug,
    label: task.label,
    inputSchema: [
      { name: 'purchaseId', type: 'text', required: true },
      // Set when staff resend the email: a new key, so Resend sends a new email.
      { name: 'resendKey', type: 'text' },
    ],
    retries: EMAIL_RETRIES,
    handler: async ({ input, req }) => {
      const jobInput = input as PurchaseEmailJobInput
      const { purchase, email } = await loadEmailContext(req.payload, options, jobInput.purchaseId)
      const skipped = task.skipReason(purchase, jobInput)
      if (skipped) return { output: { skipped } }
      let resendId: string
      try {
        resendId = await sendEmail(options.email, {
          ...task.render(email),
          to: email.customerEmail,
          idempotencyKey: task.idempotencyKey(purchase, jobInput),
        })
      } catch (error) {
        const receipt = { status: 'failed', lastError: (error as Error).message }
        await task.record?.({ req, purchase, receipt })
        throw error // the job system retries with backoff
      }
      // If this write fails the job retries; the idempotency key returns the same id, no second email.
      const receipt = {
        status: 'sent',
        sentAt: new Date().toISOString(),
        resendId,
        lastError: null,
      }
      await task.record?.({ req, purchase, receipt })
      return { output: { resendId } }
    },
  } as TaskConfig
}

/** The receipt, once per purchase, recorded on the purchase for support. */
export function createSendPurchaseReceiptTask(options: ResolvedStorefrontOptions): TaskConfig {
  return createPurchaseEmailTask(options, {
    slug: SEND_PURCHASE_RECEIPT_TASK,
    label: 'Send purchase receipt',
    skipReason: (purchase, input) => {
      if (purchase.receipt?.status === 'sent' && !input.resendKey) return 'already sent'
      return purchase.status === 'paid' ? null : `purchase is ${purchase.status}`
    },
    render: renderReceiptEmail,
    idempotencyKey: (purchase, input) =>
      input.resendKey
        ? `purchase-receipt/${purchase.id}/resend/${input.resendKey}`
        : `purchase-receipt/${purchase.id}`,
    // In a checked transaction: a write that did not commit must fail the job, so it retries and
    // Resend's idempotency key hands back the same email id instead of the receipt staying unsent.
    record: ({ req, purchase, receipt }) =>
      inDurableTransaction(req.payload, (transaction) =>
        req.payload.update({
          collection: PURCHASES_SLUG as CollectionSlug,
          id: purchase.id,
          data: { receipt },
          depth: 0,
          overrideAccess: true,
          req: transaction,
        }),
      ),
  })
}

/** Tells the shopper a delayed payment failed; once per purchase thanks to the idempotency key. */
export function createSendPaymentFailedTask(options: ResolvedStorefrontOptions): TaskConfig {
  return createPurchaseEmailTask(options, {
    slug: SEND_PAYMENT_FAILED_TASK,
    label: 'Send payment-failed email',
    skipReason: (purchase) =>
      purchase.status === 'failed' ? null : `purchase is ${purchase.status}`,
    render: renderPaymentFailedEmail,
    idempotencyKey: (purchase) => `payment-failed/${purchase.id}`,
    record: ({ req, purchase, receipt }) =>
      inDurableTransaction(req.payload, (transaction) =>
        req.payload.update({
          collection: PURCHASES_SLUG as CollectionSlug,
          id: purchase.id,
          data: { paymentFailedEmail: receipt },
          depth: 0,
          overrideAccess: true,
          req: transaction,
        }),
      ),
  })
}
