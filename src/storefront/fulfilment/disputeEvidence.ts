import type { CollectionSlug, Payload } from 'payload'

import type { PurchaseDoc } from './types'

import { DOWNLOADS_SLUG, PURCHASES_SLUG } from '../constants'
import { formatPrice } from '../utilities/formatPrice'
import { findProductOfPurchase } from './products'

/** Stripe's limit on one text evidence field. */
const FIELD_MAX = 20_000
/** The most download log rows read into one draft; a real buyer has a handful. */
const MAX_DOWNLOADS = 500

/** The text evidence the shop can give Stripe, keyed as `disputes.update` takes it. */
export type DisputeEvidence = {
  access_activity_log: string
  customer_email_address: string
  product_description: string
  service_date: string
  uncategorized_text: string
}

type DownloadRow = {
  startedAt: string
  outcome: string
  bytesSent: number
  httpStatus: number
  range?: null | string
  ip?: null | string
  userAgent?: null | string
  fileName: string
}

/**
 * A value the buyer controls (user agent, forwarded IP), quoted on one line: control characters
 * become spaces, so a user agent cannot add a forged line to the activity log.
 */
const quoted = (value: null | string | undefined) =>
  JSON.stringify((value ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').slice(0, 300))

const day = (iso: string) => iso.slice(0, 10)
const time = (iso: string) => iso.replace('T', ' ').slice(0, 19)

function activityLog(purchase: PurchaseDoc, downloads: DownloadRow[]): string {
  if (!downloads.length)
    return `The shop's download log has no download of this purchase (${purchase.id}).`
  const lines = downloads.map(
    (row) =>
      `${time(row.startedAt)} UTC  ${row.outcome} (HTTP ${row.httpStatus})  ${row.bytesSent} bytes` +
      `${row.range ? `  range ${quoted(row.range)}` : ''}  file ${quoted(row.fileName)}  IP ${quoted(row.ip)}  user agent ${quoted(row.userAgent)}`,
  )
  const header = `Downloads of purchase ${purchase.id} by the buyer's signed-in account (every download needs the buyer's sign-in), from the shop's download log:`
  let text = header
  for (const [index, line] of lines.entries()) {
    const rest = `\n… and ${lines.length - index} more downloads`
    if (text.length + line.length + 1 + rest.length > FIELD_MAX) return text + rest
    text += `\n${line}`
  }
  return text
}

/**
 * Drafts the evidence for a dispute from what the shop knows of the purchase: the downloads log
 * (times, IPs, user agents, bytes), the buyer's email, what was sold and when, and the receipt
 * Resend delivered. Plain text for Stripe; everything the buyer controls is quoted on one line.
 */
export async function buildDisputeEvidence(
  payload: Payload,
  purchase: PurchaseDoc,
  storeName: string,
): Promise<DisputeEvidence> {
  const product = await findProductOfPurchase(payload, purchase)
  const { docs } = await payload.find({
    collection: DOWNLOADS_SLUG as CollectionSlug,
    where: { purchase: { equals: purchase.id } },
    sort: 'startedAt',
    limit: MAX_DOWNLOADS,
    depth: 0,
  })
  const downloads = docs as unknown as DownloadRow[]
  const title = product?.title ?? purchase.productSlug
  const paidAt = purchase.paidAt ?? purchase.createdAt ?? new Date().toISOString()
  const completed = downloads.filter((row) => row.outcome === 'completed')
  const receipt = purchase.receipt
  return {
    access_activity_log: activityLog(purchase, downloads),
    customer_email_address: purchase.customerEmail ?? '',
    product_description:
      `"${title}", a digital download sold by ${storeName}, bought on ${day(paidAt)} for ` +
      `${formatPrice(purchase.amountCents, purchase.currency)} through Stripe Checkout ` +
      `(session ${purchase.stripeSessionId}). The file is delivered only to the buyer's ` +
      `signed-in account, from the shop's download page, right after payment.`,
    service_date: day(paidAt),
    uncategorized_text: [
      receipt?.status === 'sent' && receipt.sentAt
        ? `The receipt was emailed to ${purchase.customerEmail ?? 'the buyer'} on ${time(receipt.sentAt)} UTC (Resend email id ${receipt.resendId ?? 'unknown'}).`
        : 'No receipt email was recorded for this purchase.',
      completed.length
        ? `The buyer downloaded the file completely ${completed.length} time(s), first on ${time(completed[0].startedAt)} UTC.`
        : 'The download log shows no completed download.',
    ].join(' '),
  }
}

/** Writes the draft on the purchase, for staff to read and submit (replacing an earlier draft). */
export async function draftDisputeEvidence(args: {
  payload: Payload
  purchaseId: number | string
  disputeId: string
  storeName: string
}): Promise<DisputeEvidence> {
  const { payload } = args
  const purchase = (await payload.findByID({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: args.purchaseId,
    depth: 0,
  })) as unknown as PurchaseDoc
  const evidence = await buildDisputeEvidence(payload, purchase, args.storeName)
  await payload.update({
    collection: PURCHASES_SLUG as CollectionSlug,
    id: purchase.id,
    data: {
      disputeEvidence: {
        disputeId: args.disputeId,
        status: 'drafted',
        draftedAt: new Date().toISOString(),
        evidence,
        submittedAt: null,
        submittedByEmail: null,
        lastError: null,
      },
    } as never,
    depth: 0,
    overrideAccess: true,
  })
  return evidence
}
