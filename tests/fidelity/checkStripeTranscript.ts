import type { TranscriptEntry } from '@/dev/stripeEmulator'

import type { StripeTarget, StripeTypeChecker, Violation } from './stripeTypeChecker'
import type { RequestPolicy } from './transcripts'

/** The SDK `…Params` type each emulated route takes. */
const REQUEST_TYPES: Array<{ method: string; path: RegExp; target: StripeTarget }> = [
  { method: 'POST', path: /^\/v1\/checkout\/sessions$/, target: 'SessionCreateParams' },
  { method: 'GET', path: /^\/v1\/checkout\/sessions\/[^/]+$/, target: 'SessionRetrieveParams' },
  { method: 'GET', path: /^\/v1\/checkout\/sessions$/, target: 'SessionListParams' },
  {
    method: 'GET',
    path: /^\/v1\/checkout\/sessions\/[^/]+\/line_items$/,
    target: 'SessionListLineItemsParams',
  },
  { method: 'POST', path: /^\/v1\/refunds$/, target: 'RefundCreateParams' },
  { method: 'POST', path: /^\/v1\/products$/, target: 'ProductCreateParams' },
  { method: 'POST', path: /^\/v1\/prices$/, target: 'PriceCreateParams' },
  { method: 'POST', path: /^\/v1\/prices\/[^/]+$/, target: 'PriceUpdateParams' },
  { method: 'GET', path: /^\/v1\/prices\/[^/]+$/, target: 'PriceRetrieveParams' },
  { method: 'GET', path: /^\/v1\/products\/[^/]+$/, target: 'ProductRetrieveParams' },
  { method: 'GET', path: /^\/v1\/payment_intents\/[^/]+$/, target: 'PaymentIntentRetrieveParams' },
  { method: 'GET', path: /^\/v1\/charges\/[^/]+$/, target: 'ChargeRetrieveParams' },
  { method: 'GET', path: /^\/v1\/refunds\/[^/]+$/, target: 'RefundRetrieveParams' },
  { method: 'GET', path: /^\/v1\/disputes\/[^/]+$/, target: 'DisputeRetrieveParams' },
  { method: 'POST', path: /^\/v1\/disputes\/[^/]+$/, target: 'DisputeUpdateParams' },
  {
    method: 'GET',
    path: /^\/v1\/radar\/early_fraud_warnings\/[^/]+$/,
    target: 'EarlyFraudWarningRetrieveParams',
  },
  { method: 'GET', path: /^\/v1\/events\/[^/]+$/, target: 'EventRetrieveParams' },
]

/** Response bodies by their `object`. */
const OBJECT_TYPES: Record<string, StripeTarget> = {
  'checkout.session': 'checkout.session',
  item: 'item',
  price: 'price',
  product: 'product',
  payment_intent: 'payment_intent',
  charge: 'charge',
  refund: 'refund',
  dispute: 'dispute',
  'radar.early_fraud_warning': 'radar.early_fraud_warning',
  event: 'event',
}

export type StripeLine = { source: string; requests: RequestPolicy; entry: TranscriptEntry }

export type Finding = {
  what: string
  path: string
  problem: string
  count: number
  example: string
}

export type StripeFidelityReport = {
  responses: number
  events: number
  requests: number
  findings: Finding[]
}

/** `line_items.data[3].price` → `line_items.data[].price`, so one problem is reported once. */
const pattern = (path: string) => path.replace(/\[\d+\]/g, '[]')

function responseTarget(entry: Extract<TranscriptEntry, { kind: 'api' }>): StripeTarget | string {
  if (entry.status >= 400) return 'error'
  const object = (entry.body as { object?: unknown } | null)?.object
  if (object === 'list' && /\/line_items$/.test(entry.path)) return 'list<item>'
  if (object === 'list' && entry.path === '/v1/checkout/sessions') return 'list<checkout.session>'
  return OBJECT_TYPES[String(object)] ?? `no SDK type known for object ${JSON.stringify(object)}`
}

/**
 * Checks a run's emulator transcript against the SDK's types: every answer the emulator gave
 * (not a test's injected fault), every event it created, and the requests the policy says must
 * fit. Findings are grouped by what was checked, field path and problem.
 */
export function checkStripeTranscript(
  checker: StripeTypeChecker,
  lines: StripeLine[],
): StripeFidelityReport {
  const findings = new Map<string, Finding>()
  const report = ({
    what,
    violations,
    example,
  }: {
    what: string
    violations: Violation[]
    example: string
  }) => {
    for (const violation of violations) {
      const key = `${what}\u0000${pattern(violation.path)}\u0000${violation.problem}`
      const finding = findings.get(key)
      if (finding) finding.count += 1
      else
        findings.set(key, {
          what,
          path: pattern(violation.path),
          problem: violation.problem,
          count: 1,
          example,
        })
    }
  }
  let responses = 0
  let events = 0
  let requests = 0

  for (const { source, requests: policy, entry } of lines) {
    if (entry.kind === 'event') {
      events += 1
      report({
        what: `event ${entry.event.type}`,
        violations: checker.checkObject('event', entry.event),
        example: `${source}: ${entry.event.id}`,
      })
      continue
    }
    const example = `${source}: ${entry.method} ${entry.path} → ${entry.status}`
    if (!entry.injected) {
      responses += 1
      const target = responseTarget(entry)
      if (target in OBJECT_TYPES || target === 'error' || target.startsWith('list<'))
        report({
          what: `response ${target}`,
          violations: checker.checkObject(target as StripeTarget, entry.body),
          example,
        })
      else report({ what: `response`, violations: [{ path: '', problem: target }], example })
    }
    if (policy === 'accepted' && entry.status >= 400) continue
    requests += 1
    const route = REQUEST_TYPES.find(
      (candidate) => candidate.method === entry.method && candidate.path.test(entry.path),
    )
    if (!route)
      report({
        what: `request ${entry.method} ${entry.path.replace(/\/(cs|pi|ch|re|dp|evt|price|prod)_\w+/g, '/:id')}`,
        violations: [
          { path: '', problem: 'the shop called a route the emulator does not know a type for' },
        ],
        example,
      })
    else
      report({
        what: `request ${route.target}`,
        violations: checker.checkParams(route.target, entry.params),
        example,
      })
  }
  return { responses, events, requests, findings: [...findings.values()] }
}
