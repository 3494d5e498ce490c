import type { IncomingMessage, ServerResponse } from 'node:http'

import type { EmulatorContext } from './EmulatorContext'
import type { CheckoutPayment } from './types'

import { payCheckoutSession } from './payCheckoutSession'
import { readRequestBody, respond } from './http'
import { renderCheckoutPage } from './renderCheckoutPage'

function paymentFromForm(form: URLSearchParams): CheckoutPayment | null {
  const email = form.get('email') ?? undefined
  const name = form.get('name') ?? undefined
  switch (form.get('method') ?? 'card') {
    case 'card':
      return { method: 'card', cardNumber: form.get('card_number') ?? '', email, name }
    case 'bank_transfer':
      return { method: 'bank_transfer', outcome: 'succeeds', email, name }
    case 'bank_transfer_fails':
      return { method: 'bank_transfer', outcome: 'fails', email, name }
    default:
      return null
  }
}

/**
 * `GET|POST /checkout/:sessionId`, the page `session.url` points at. A successful payment answers
 * 303 to the success_url, as Checkout redirects the browser; a decline shows the page again with
 * Stripe's message and 402, leaving the session open for another try.
 */
export async function handleCheckoutPage(
  context: EmulatorContext,
  {
    request,
    response,
    sessionId,
  }: { request: IncomingMessage; response: ServerResponse; sessionId: string },
): Promise<void> {
  const session = context.state.sessions.get(sessionId)
  if (!session) {
    respond.html(response, {
      status: 404,
      html: '<!doctype html><title>Not found</title><h1>Something went wrong</h1><p>No such checkout session.</p>',
    })
    return
  }
  const lineItems = context.state.lineItems.get(sessionId) ?? []
  if (request.method === 'GET' || request.method === 'HEAD') {
    respond.html(response, { status: 200, html: renderCheckoutPage({ session, lineItems }) })
    return
  }
  if (request.method !== 'POST') {
    respond.html(response, {
      status: 405,
      html: '<!doctype html><title>Method not allowed</title><p>Use GET or POST.</p>',
    })
    return
  }

  const form = new URLSearchParams(await readRequestBody(request))
  const payment = paymentFromForm(form)
  if (!payment) {
    respond.html(response, {
      status: 400,
      html: renderCheckoutPage({
        session,
        lineItems,
        error: `Unknown payment method '${form.get('method')}'.`,
      }),
    })
    return
  }
  const result = payCheckoutSession(context, { sessionId, payment })
  if (result.outcome === 'paid' || result.outcome === 'processing') {
    respond.redirect(response, result.redirectUrl)
    return
  }
  const status = result.outcome === 'declined' ? 402 : session.status === 'open' ? 400 : 409
  const cardNumber = payment.method === 'card' ? payment.cardNumber : undefined
  respond.html(response, {
    status,
    html: renderCheckoutPage({
      session,
      lineItems,
      error: result.message,
      email: payment.email,
      cardNumber,
    }),
  })
}
