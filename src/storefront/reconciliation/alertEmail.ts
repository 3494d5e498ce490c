import type { RenderedEmail } from '../email/templates'
import type { SweepTally } from './repairs'

import { renderShopEmail } from '../email/templates'

const KIND_LABELS: Record<SweepTally['repairs'][number]['kind'], string> = {
  purchase_created: 'Purchase created for a paid checkout',
  purchase_settled: 'Pending purchase settled',
  event_applied: 'Failed Stripe event applied',
}

/**
 * Tells the shop's operator that a sweep had to repair something: a webhook went missing or
 * failed, which usually means the endpoint, its secret or a deploy needs a look.
 */
export function renderReconciliationAlert(input: {
  storeName: string
  runUrl: string
  window: { from: Date; to: Date }
  tally: SweepTally
}): RenderedEmail {
  const { tally } = input
  const count = tally.repairs.length
  return renderShopEmail({
    storeName: input.storeName,
    subject: `${input.storeName}: reconciliation repaired ${count} thing${count === 1 ? '' : 's'} the webhook missed`,
    heading: `The sweep repaired ${count} thing${count === 1 ? '' : 's'}`,
    paragraphs: [
      'Stripe reported payments or events that the shop had not applied: its webhook did not get them, or failed on them. The sweep has now applied them, and receipts go out as usual.',
      'Check that the webhook endpoint is reachable from Stripe and that its signing secret (STRIPE_WEBHOOK_SECRET) matches the Stripe dashboard.',
    ],
    details: [
      ['Window', `${input.window.from.toISOString()} – ${input.window.to.toISOString()}`],
      ['Sessions seen', String(tally.sessionsSeen)],
      ...tally.repairs
        .slice(0, 20)
        .map(
          (repair) =>
            [KIND_LABELS[repair.kind], `${repair.ref} (${repair.note})`] as [string, string],
        ),
      ...(tally.problems.length
        ? [['Problems', String(tally.problems.length)] as [string, string]]
        : []),
    ],
    button: { label: 'Open the run in the admin', href: input.runUrl },
    footer: ['Sent by the storefront reconciliation sweep.'],
  })
}
