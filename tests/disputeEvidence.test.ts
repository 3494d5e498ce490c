import type { Payload } from 'payload'

import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { getStorefrontOptions } from 'payload-plugin-storefront'

import { login, rest } from './helpers/api'
import { checkoutInStripe, emulatorEventFor, testStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runJobsUntil } from './helpers/jobs'
import { mailTo } from './helpers/mailCatcher'
import { createProduct, type TestProduct } from './helpers/products'
import { stripeRequests } from './helpers/stripeEmulator'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

let payload: Payload
let product: TestProduct
const tokens = { support: '', customer: '', editor: '' }
let supportEmail: string

const EVIL_AGENT = '<img src=x onerror=alert(1)> "Evil/1.0"'

type Evidence = Record<string, string>

/** Bought, receipt sent, downloaded twice (once with a hostile user agent). */
async function downloadedPurchase() {
  const shopper = await createUser(['customer'])
  const { token } = await login(shopper.email, shopper.password)
  const session = await checkoutInStripe({
    userId: shopper.id,
    email: shopper.email,
    productSlug: product.slug,
  })
  expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
  await runJobsUntil(async () => (await mailTo(shopper.email)).length === 1)
  const { docs } = await payload.find({
    collection: 'purchases',
    where: { stripeSessionId: { equals: session.id } },
  })
  const purchase = docs[0]
  for (const agent of ['curl/8.5.0', EVIL_AGENT]) {
    const response = await rest('GET', `/products/downloads/${purchase.id}`, {
      token,
      headers: { 'User-Agent': agent, 'X-Forwarded-For': '203.0.113.7, 10.0.0.1' },
    })
    expect(response.status).toBe(200)
    await response.arrayBuffer()
  }
  // The log row is written when the response ends.
  for (let tries = 0; tries < 50; tries += 1) {
    const { totalDocs } = await payload.count({
      collection: 'downloads',
      where: { purchase: { equals: purchase.id } },
    })
    if (totalDocs >= 2) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { shopper, session, purchase }
}

/** The card network opens a dispute in the emulator; Stripe's event reaches the webhook. */
async function disputeOpened(paymentIntentId: string): Promise<{ id: string }> {
  const response = await fetch(
    `${inject('stripeEmulatorUrl')}/_emulator/charges/${paymentIntentId}/dispute`,
    { method: 'POST', body: new URLSearchParams({ reason: 'fraudulent' }) },
  )
  const dispute = (await response.json()) as { id: string }
  const event = await emulatorEventFor('charge.dispute.created', dispute.id)
  expect((await deliver(event)).status).toBe(200)
  return dispute
}

const submit = (purchaseId: number, token?: string) =>
  rest('POST', `/purchases/${purchaseId}/submit-dispute-evidence`, {
    ...(token ? { token } : {}),
    body: { reason: 'Submitted the drafted dispute evidence' },
  })

const reload = (id: number) => payload.findByID({ collection: 'purchases', id, depth: 0 })

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Dispute Evidence Pack' })
  for (const role of ['support', 'customer', 'editor'] as const) {
    const user = await createUser([role])
    tokens[role] = (await login(user.email, user.password)).token
    if (role === 'support') supportEmail = user.email
  }
})

afterEach(() => {
  getStorefrontOptions(payload).disputes.autoSubmitEvidence = false
})

describe('charge.dispute.created drafts the evidence', () => {
  it('from the downloads log, the email, the product, the date and the receipt; buyer strings quoted on one line', async () => {
    const { shopper, session, purchase } = await downloadedPurchase()
    const dispute = await disputeOpened(purchase.stripePaymentIntentId!)

    const after = await reload(purchase.id)
    expect(after.status).toBe('disputed')
    expect(after.disputeEvidence).toMatchObject({ disputeId: dispute.id, status: 'drafted' })
    const evidence = after.disputeEvidence!.evidence as Evidence
    const log = evidence.access_activity_log.split('\n')
    expect(log).toHaveLength(3)
    expect(log[1]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}completed \(HTTP 200\) {2}\d+ bytes {2}file "workflow-templates.zip" {2}IP "203.0.113.7, 10.0.0.1" {2}user agent "curl\/8.5.0"$/,
    )
    expect(log[2]).toContain(`user agent ${JSON.stringify(EVIL_AGENT)}`)
    expect(evidence.customer_email_address).toBe(shopper.email)
    expect(evidence.product_description).toContain('"Dispute Evidence Pack"')
    expect(evidence.product_description).toContain(session.id)
    expect(evidence.service_date).toBe(after.paidAt!.slice(0, 10))
    expect(evidence.uncategorized_text).toContain(`Resend email id ${after.receipt!.resendId}`)
    expect(evidence.uncategorized_text).toContain('downloaded the file completely 2 time(s)')
    // Nothing went to Stripe yet.
    expect(await stripeRequests(`/v1/disputes/${dispute.id}`)).toEqual([])
  })

  it('a user agent with a line break cannot add a forged line to the activity log', async () => {
    const { purchase } = await downloadedPurchase()
    await payload.create({
      collection: 'downloads',
      data: {
        purchase: purchase.id,
        user: typeof purchase.user === 'object' ? purchase.user.id : purchase.user,
        fileName: 'workflow-templates.zip',
        outcome: 'completed',
        bytesSent: 1,
        httpStatus: 200,
        userAgent: 'x\n2020-01-01 00:00:00 UTC  completed (HTTP 200)  999 bytes',
        startedAt: new Date().toISOString(),
      },
    })
    await disputeOpened(purchase.stripePaymentIntentId!)
    const evidence = (await reload(purchase.id)).disputeEvidence!.evidence as Evidence
    expect(evidence.access_activity_log.split('\n')).toHaveLength(4)
    expect(evidence.access_activity_log).not.toMatch(/\n2020-01-01/)
  })
})

describe('POST /api/purchases/:id/submit-dispute-evidence', () => {
  it('401 for nobody, 403 for a customer or an editor, 409 with nothing drafted', async () => {
    const { purchase } = await downloadedPurchase()
    expect((await submit(purchase.id)).status).toBe(401)
    for (const role of ['customer', 'editor'] as const)
      expect((await submit(purchase.id, tokens[role])).status).toBe(403)
    const nothing = await submit(purchase.id, tokens.support)
    expect(nothing.status).toBe(409)
    expect(((await nothing.json()) as { error: string }).error).toMatch(/No dispute evidence/)
  })

  it('staff submit the draft with one click: it reaches Stripe as drafted, with submit; recorded; a second submit is 409', async () => {
    const { purchase } = await downloadedPurchase()
    const dispute = await disputeOpened(purchase.stripePaymentIntentId!)
    const drafted = (await reload(purchase.id)).disputeEvidence!.evidence as Evidence

    const response = await submit(purchase.id, tokens.support)
    expect(response.status).toBe(200)
    const [sent] = await stripeRequests(`/v1/disputes/${dispute.id}`)
    expect(sent).toMatchObject({ method: 'POST', status: 200, params: { submit: 'true' } })
    expect(sent.params.evidence).toEqual(drafted)
    const inStripe = await (await testStripe()).disputes.retrieve(dispute.id)
    expect(inStripe.status).toBe('under_review')
    expect(inStripe.evidence.access_activity_log).toBe(drafted.access_activity_log)

    const after = await reload(purchase.id)
    expect(after.disputeEvidence).toMatchObject({
      status: 'submitted',
      submittedByEmail: supportEmail,
    })
    expect(after.staffActions?.at(-1)).toMatchObject({
      action: 'dispute_evidence',
      detail: `evidence submitted to Stripe for dispute ${dispute.id} (now under_review)`,
    })
    const again = await submit(purchase.id, tokens.support)
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: string }).error).toMatch(/already submitted/)
  })

  it('with disputes.autoSubmitEvidence, the draft is submitted as the dispute opens', async () => {
    getStorefrontOptions(payload).disputes.autoSubmitEvidence = true
    const { purchase } = await downloadedPurchase()
    const dispute = await disputeOpened(purchase.stripePaymentIntentId!)
    expect((await reload(purchase.id)).disputeEvidence).toMatchObject({
      status: 'submitted',
      submittedByEmail: 'automatically, when the dispute opened',
    })
    expect((await (await testStripe()).disputes.retrieve(dispute.id)).status).toBe('under_review')
  })
})
