import { formatPrice } from '../utilities/formatPrice'

/** What an email about one purchase says; every value is plain text, escaped when rendered. */
export type PurchaseEmailInput = {
  storeName: string
  purchaseId: number | string
  /** The product's title, or null when the product was deleted (the slug stands in). */
  productTitle: null | string
  productSlug: string
  amountCents: number
  currency: string
  customerEmail: string
  /** Absolute URLs built from the plugin's `routes` option. */
  links: { purchase: string; signIn: string; product: string }
}

export type RenderedEmail = { subject: string; html: string; text: string }

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ENTITIES[char])
}

type Layout = {
  storeName: string
  heading: string
  paragraphs: string[]
  button?: { label: string; href: string }
  footer: string
}

/** The one HTML shell all shop emails share. Every argument is plain text and is escaped here. */
export function renderEmailLayout({ storeName, heading, paragraphs, button, footer }: Layout) {
  const body = paragraphs
    .map((text) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`)
    .join('\n')
  const cta = button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button.label)}</a></p>`
    : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:700;margin:0 0 24px">${escapeHtml(storeName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${body}
${cta}
<p style="color:#5f6368;font-size:13px;margin-top:32px">${escapeHtml(footer)}</p>
</body></html>`
}

/** The receipt: what was bought, for how much, and where to download it. */
export function renderReceiptEmail(input: PurchaseEmailInput): RenderedEmail {
  const title = input.productTitle || input.productSlug
  const amount = formatPrice(input.amountCents, input.currency)
  const signInHint = `To download, sign in at ${input.links.signIn} with ${input.customerEmail}: your file stays available in your account.`
  const lines = [`Thank you for buying ${title}.`, `Amount paid: ${amount}.`, signInHint]
  const footer = `Order reference ${input.purchaseId}. Keep this email as your receipt.`
  return {
    subject: `Your ${input.storeName} purchase: ${title}`,
    html: renderEmailLayout({
      storeName: input.storeName,
      heading: `Your purchase: ${title}`,
      paragraphs: lines,
      button: { label: 'Download your file', href: input.links.purchase },
      footer,
    }),
    text: [...lines, `Download: ${input.links.purchase}`, '', footer].join('\n'),
  }
}

/** Tells the shopper their delayed payment (e.g. bank debit) failed and how to try again. */
export function renderPaymentFailedEmail(input: PurchaseEmailInput): RenderedEmail {
  const title = input.productTitle || input.productSlug
  const lines = [
    `Your payment of ${formatPrice(input.amountCents, input.currency)} for ${title} did not go through, so you have not been charged.`,
    'You can try again with another payment method whenever you like.',
  ]
  const footer = `Reference ${input.purchaseId}.`
  return {
    subject: `Your ${input.storeName} payment did not go through: ${title}`,
    html: renderEmailLayout({
      storeName: input.storeName,
      heading: 'Your payment did not go through',
      paragraphs: lines,
      button: { label: 'Try again', href: input.links.product },
      footer,
    }),
    text: [...lines, `Try again: ${input.links.product}`, '', footer].join('\n'),
  }
}
