import type Stripe from 'stripe'

import { testCards } from './testCards'

/** Currencies Stripe counts in whole units (https://docs.stripe.com/currencies#zero-decimal). */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
])

/** Minor units as a shopper reads them: 4900 usd → "$49.00". */
function formatAmount(minorUnits: number, currency: string): string {
  const divisor = ZERO_DECIMAL.has(currency.toLowerCase()) ? 1 : 100
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(minorUnits / divisor)
}

export type CheckoutPageInput = {
  session: Stripe.Checkout.Session
  lineItems: Stripe.LineItem[]
  /** Shown above the form after a decline or a typo, like Checkout's inline error. */
  error?: string
  /** What the shopper typed, kept when the page is shown again. */
  email?: string
  cardNumber?: string
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f8fa;color:#1a1f36;margin:0;padding:2rem}
main{max-width:28rem;margin:auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 2px 8px #0002}
.badge{display:inline-block;background:#ffde92;color:#5a3e00;border-radius:4px;padding:0 .4rem;font-size:.8rem}
label{display:block;margin:1rem 0 .25rem;font-weight:600}input{width:100%;padding:.6rem;font-size:1rem;box-sizing:border-box}
button{width:100%;margin-top:.75rem;padding:.7rem;font-size:1rem;cursor:pointer}button[value=card]{background:#635bff;color:#fff;border:0;border-radius:6px}
.error{background:#fde8e8;color:#9b1c1c;padding:.75rem;border-radius:6px}ul.cards{font-size:.85rem;color:#555}
table{width:100%}td.amount{text-align:right}`

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
}

function closedPage(session: Stripe.Checkout.Session): string {
  const heading =
    session.status === 'complete'
      ? 'This payment is complete.'
      : 'This checkout session has expired.'
  const back = session.status === 'complete' ? session.success_url : session.cancel_url
  const link = back
    ? `<p><a href="${escapeHtml(back.replaceAll('{CHECKOUT_SESSION_ID}', session.id))}">Return to the shop</a></p>`
    : ''
  return layout(
    heading,
    `<p class="badge">TEST MODE · Stripe emulator</p><h1>${heading}</h1>${link}`,
  )
}

/**
 * The emulator's stand-in for checkout.stripe.com: what is bought and for how much, the email,
 * a card field with Stripe's test cards, bank debits that settle later (or fail), and Cancel.
 * Plain HTML forms, so both a browser test and a `fetch` POST can pay.
 */
export function renderCheckoutPage({
  session,
  lineItems,
  error,
  email,
  cardNumber,
}: CheckoutPageInput): string {
  if (session.status !== 'open') return closedPage(session)
  const total = formatAmount(session.amount_total ?? 0, session.currency ?? 'usd')
  const rows = lineItems
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.description ?? '')}${item.quantity && item.quantity > 1 ? ` × ${item.quantity}` : ''}</td><td class="amount">${formatAmount(item.amount_total, item.currency)}</td></tr>`,
    )
    .join('')
  const emailField = session.customer_email
    ? `<label for="email">Email</label><input id="email" name="email" type="email" value="${escapeHtml(session.customer_email)}" readonly>`
    : `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(email ?? '')}">`
  const cards = Object.entries(testCards)
    .map(
      ([number, card]) =>
        `<li><code>${number.replace(/(\d{4})(?=\d)/g, '$1 ')}</code> ${card.decline ? `declines: ${escapeHtml(card.decline.message)}` : `${card.brand}, succeeds`}</li>`,
    )
    .join('')
  const cancel = session.cancel_url
    ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>`
    : ''
  return layout(
    `Pay ${total}`,
    `<p class="badge">TEST MODE · Stripe emulator</p>
<h1>Pay <span data-testid="total">${total}</span></h1>
<table>${rows}</table>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post">
${emailField}
<label for="card-number">Card number</label>
<input id="card-number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" value="${escapeHtml(cardNumber ?? '')}">
<ul class="cards">${cards}<li>any expiry date in the future, any CVC</li></ul>
<button type="submit" name="method" value="card">Pay</button>
<button type="submit" name="method" value="bank_transfer">Pay by bank transfer (delayed)</button>
<button type="submit" name="method" value="bank_transfer_fails">Pay by bank transfer that fails (delayed)</button>
</form>
${cancel}`,
  )
}
