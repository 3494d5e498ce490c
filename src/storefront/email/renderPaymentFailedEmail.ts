import type { RenderedEmail, ReceiptInput } from './renderReceiptEmail'

import { formatPrice } from '../utilities/formatPrice'
import { renderEmailLayout } from './renderEmailLayout'

/** Tells the shopper their delayed payment (e.g. bank debit) failed and how to try again. */
export function renderPaymentFailedEmail(input: ReceiptInput): RenderedEmail {
  const title = input.productTitle || input.productSlug
  const retry = `${input.siteUrl}/products/${encodeURIComponent(input.productSlug)}`
  const lines = [
    `Your payment of ${formatPrice(input.amountCents, input.currency)} for ${title} did not go through, so you have not been charged.`,
    'You can try again with another payment method whenever you like.',
  ]
  return {
    subject: `Your ${input.storeName} payment did not go through: ${title}`,
    html: renderEmailLayout({
      storeName: input.storeName,
      heading: 'Your payment did not go through',
      paragraphs: lines,
      button: { label: 'Try again', href: retry },
      footer: `Reference ${input.purchaseId}.`,
    }),
    text: [...lines, `Try again: ${retry}`, '', `Reference ${input.purchaseId}.`].join('\n'),
  }
}
