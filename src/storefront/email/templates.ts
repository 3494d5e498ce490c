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
  /** When the purchase was made (ISO 8601). */
  purchasedAt: string
  /** Where shoppers write for help; omitted from the email when unset. */
  supportEmail?: string
  /**
   * Absolute URLs built from the plugin's `routes` option. `signIn` is the sign-in page that
   * returns to the purchase and offers a one-time sign-in link by email.
   */
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

/** A paragraph: plain text, or text with one link in it (shown as its address in the text part). */
export type EmailParagraph =
  string | { before: string; link: { label: string; href: string }; after?: string }

/** Everything one shop email says. Every value is plain text; the renderer escapes it. */
export type ShopEmail = {
  storeName: string
  subject: string
  heading: string
  paragraphs: EmailParagraph[]
  /** The one thing to do, as a button (and its address in the text part). */
  button?: { label: string; href: string }
  /** Label/value pairs shown as a small table (receipt details). */
  details?: Array<[label: string, value: string]>
  /** Small print under the body: references, why the email was sent. */
  footer: string[]
  /** Where to write for help; adds "Questions? Write to …" when set. */
  supportEmail?: string
}

const paragraphHtml = (paragraph: EmailParagraph) => {
  const style = 'margin:0 0 16px;line-height:1.5'
  if (typeof paragraph === 'string') return `<p style="${style}">${escapeHtml(paragraph)}</p>`
  const { before, link, after = '' } = paragraph
  return `<p style="${style}">${escapeHtml(before)}<a href="${escapeHtml(link.href)}" style="color:#4f46e5">${escapeHtml(link.label)}</a>${escapeHtml(after)}</p>`
}

const paragraphText = (paragraph: EmailParagraph) =>
  typeof paragraph === 'string'
    ? paragraph
    : `${paragraph.before}${paragraph.link.label} (${paragraph.link.href})${paragraph.after ?? ''}`

const supportLine = (supportEmail: string) => `Questions? Write to ${supportEmail}.`

/**
 * The one layout every shop email shares (receipts, payment failures, password resets, sign-in
 * links): the same HTML shell and a plain-text part saying the same things, for mail clients
 * and readers that show text only.
 */
export function renderShopEmail(email: ShopEmail): RenderedEmail {
  const { storeName, heading, paragraphs, button, details = [], footer, supportEmail } = email
  const detailRows = details
    .map(
      ([label, value]) =>
        `<tr><td style="color:#5f6368;padding:4px 16px 4px 0">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n')
  const cta = button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button.label)}</a></p>`
    : ''
  const small = [...(supportEmail ? [supportLine(supportEmail)] : []), ...footer]
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(heading)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f;max-width:560px;margin:0 auto;padding:24px">
<p style="font-weight:700;margin:0 0 24px">${escapeHtml(storeName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
${paragraphs.map(paragraphHtml).join('\n')}
${detailRows ? `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">\n${detailRows}\n</table>` : ''}
${cta}
${small.map((line) => `<p style="color:#5f6368;font-size:13px;margin:8px 0 0">${escapeHtml(line)}</p>`).join('\n')}
</body></html>`
  const text = [
    storeName,
    '',
    heading,
    '',
    ...paragraphs.map(paragraphText).flatMap((line) => [line, '']),
    ...(details.length ? [...details.map(([label, value]) => `${label}: ${value}`), ''] : []),
    ...(button ? [`${button.label}: ${button.href}`, ''] : []),
    ...small,
  ].join('\n')
  return { subject: email.subject, html, text }
}

/** A date as the receipt shows it, the same for every reader: "November 27, 2026 at 5:24 PM UTC". */
export function formatEmailDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`
}

/** The receipt: what was bought, when, for how much, and how to get to the file. */
export function renderReceiptEmail(input: PurchaseEmailInput): RenderedEmail {
  const title = input.productTitle || input.productSlug
  const amount = formatPrice(input.amountCents, input.currency)
  return renderShopEmail({
    storeName: input.storeName,
    subject: `Your ${input.storeName} purchase: ${title}`,
    heading: `Your purchase: ${title}`,
    paragraphs: [
      `Thank you for buying ${title}. Your file stays available in your account: download it as often as you like.`,
      {
        before: 'To download later, ',
        link: { label: `sign in as ${input.customerEmail}`, href: input.links.signIn },
        after:
          '. No password at hand? On that page you can ask for a one-time sign-in link by email.',
      },
    ],
    details: [
      ['Product', title],
      ['Amount paid', amount],
      ['Date', formatEmailDate(input.purchasedAt)],
      ['Order reference', String(input.purchaseId)],
    ],
    button: { label: 'Download your file', href: input.links.purchase },
    footer: ['Keep this email as your receipt.'],
    supportEmail: input.supportEmail,
  })
}

/** Tells the shopper their delayed payment (e.g. bank debit) failed and how to try again. */
export function renderPaymentFailedEmail(input: PurchaseEmailInput): RenderedEmail {
  const title = input.productTitle || input.productSlug
  return renderShopEmail({
    storeName: input.storeName,
    subject: `Your ${input.storeName} payment did not go through: ${title}`,
    heading: 'Your payment did not go through',
    paragraphs: [
      `Your payment of ${formatPrice(input.amountCents, input.currency)} for ${title} did not go through, so you have not been charged.`,
      'You can try again with another payment method whenever you like.',
    ],
    details: [
      ['Product', title],
      ['Date', formatEmailDate(input.purchasedAt)],
      ['Reference', String(input.purchaseId)],
    ],
    button: { label: 'Try again', href: input.links.product },
    footer: [],
    supportEmail: input.supportEmail,
  })
}
