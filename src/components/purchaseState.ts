import type { Purchase } from '@/payload-types'

/** What a purchase's page and row say about it, and the one thing the shopper can do next. */
export type PurchaseState = {
  /** What happened, in plain words. */
  explanation: string
  /** The next step, when there is one the shop can offer. */
  next?: { label: string; href: string }
  /** The receipt line of the purchase page: never "on its way" for a receipt that will not come. */
  receipt: string
}

type Input = Pick<Purchase, 'status' | 'productSlug' | 'receipt' | 'customerEmail'> & {
  email: string
}

const productPage = (slug: string) => `/products/${encodeURIComponent(slug)}`

/**
 * The honest state of a purchase. "Try again" opens the product page with the buy intent, so
 * checkout starts by itself for a signed-in shopper (and without JavaScript shows the Buy button).
 */
export function describePurchaseState(purchase: Input): PurchaseState {
  const to = purchase.customerEmail ?? purchase.email
  const receiptSent = purchase.receipt?.status === 'sent'
  const sentLine = `Sent to ${to}`
  switch (purchase.status) {
    case 'paid':
      return {
        explanation: 'Paid. Your file is ready to download.',
        receipt: receiptSent ? sentLine : `On its way to ${to}`,
      }
    case 'pending':
      return {
        explanation: `Your bank transfer is on its way. Bank payments take a few days to clear; the download appears here as soon as it does, and we email ${to}.`,
        receipt: 'Sent once the payment clears',
      }
    case 'failed':
      return {
        explanation:
          'The payment did not go through, so you were not charged and there is nothing to download. You can try again with another payment method.',
        next: { label: 'Try again', href: `${productPage(purchase.productSlug)}?buy=1` },
        receipt: 'None: you were not charged',
      }
    case 'refunded':
      return {
        explanation:
          'This purchase was refunded to the account you paid with, so its download is no longer available.',
        next: { label: 'See the product', href: productPage(purchase.productSlug) },
        receipt: receiptSent ? sentLine : 'Not sent',
      }
    case 'disputed':
      return {
        explanation:
          'Your bank has disputed this payment, so the download is paused until the dispute is resolved. If you did not mean to dispute it, contact your bank or reply to your receipt email.',
        receipt: receiptSent ? sentLine : 'Not sent',
      }
    case 'revoked':
      return {
        explanation:
          'Access to this purchase was withdrawn by the shop. If you think this is a mistake, reply to your receipt email.',
        receipt: receiptSent ? sentLine : 'Not sent',
      }
  }
}
