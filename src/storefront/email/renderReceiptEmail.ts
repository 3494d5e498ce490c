import { formatPrice } from '../utilities/formatPrice'
import { renderEmailLayout } from './renderEmailLayout'

export type ReceiptInput = {
  storeName: string
  siteUrl: string
  purchaseId: number | string
  /** The product's title, or null when the product was deleted (the slug stands in). */
  productTitle: null | string
  productSlug: string
  amountCents: number
  currency: string
  customerEmail: string
}

export type RenderedEmail = { subject: string; html: string; text: string }

export function renderReceiptEmail(input: ReceiptInput): RenderedEmail {
  const title = input.productTitle || input.productSlug
  const amount = formatPrice(input.amountCents, input.currency)
  const link = `${input.siteUrl}/products/account/purchases/${encodeURIComponent(String(input.purchaseId))}`
  const signInHint = `To download, sign in at ${input.siteUrl}/login with ${input.customerEmail}: your file stays available in your account.`
  const lines = [`Thank you for buying ${title}.`, `Amount paid: ${amount}.`, signInHint]
  return {
    subject: `Your ${input.storeName} purchase: ${title}`,
    html: renderEmailLayout({
      storeName: input.storeName,
      heading: `Your purchase: ${title}`,
      paragraphs: lines,
      button: { label: 'Download your file', href: link },
      footer: `Order reference ${input.purchaseId}. Keep this email as your receipt.`,
    }),
    text: [
      ...lines,
      `Download: ${link}`,
      '',
      `Order reference ${input.purchaseId}. Keep this email as your receipt.`,
    ].join('\n'),
  }
}
