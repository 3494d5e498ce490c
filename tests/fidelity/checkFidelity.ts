import { writeFileSync } from 'node:fs'
import path from 'node:path'

import Stripe from 'stripe'

import type { Finding } from './checkStripeTranscript'

import {
  checkResendTranscript,
  RESEND_OPENAPI_COMMIT,
  RESEND_OPENAPI_VERSION,
  type ResendLine,
} from './checkResendTranscript'
import { checkStripeTranscript, type StripeLine } from './checkStripeTranscript'
import { createStripeTypeChecker } from './stripeTypeChecker'
import { readTranscripts } from './transcripts'

function describeFindings(findings: Finding[]): string {
  return findings
    .map(
      (finding) =>
        `  ${finding.what}: ${finding.path || '(body)'}: ${finding.problem} (${finding.count}×, e.g. ${finding.example})`,
    )
    .join('\n')
}

/**
 * Everything the stand-ins said and were sent during the run, checked against the pinned `stripe`
 * SDK's types and Resend's published API description. Writes the full report to
 * `<dir>/fidelity-report.json` and returns a summary; `ok` is false on any finding.
 */
export function checkFidelity(dir: string): { ok: boolean; summary: string } {
  const lines = readTranscripts(dir)
  const stripe = checkStripeTranscript(
    createStripeTypeChecker(),
    lines.filter((line): line is StripeLine & { service: 'stripe' } => line.service === 'stripe'),
  )
  const resend = checkResendTranscript(
    lines.filter((line): line is ResendLine & { service: 'resend' } => line.service === 'resend'),
  )
  const reportFile = path.join(dir, 'fidelity-report.json')
  writeFileSync(reportFile, JSON.stringify({ stripe, resend }, null, 2))

  const ok = stripe.findings.length === 0 && resend.findings.length === 0
  const summary = [
    `Stand-in fidelity: Stripe API ${Stripe.API_VERSION} (stripe ${Stripe.PACKAGE_VERSION} types): ` +
      `${stripe.responses} responses, ${stripe.events} events, ${stripe.requests} requests checked, ` +
      `${stripe.findings.length} findings.`,
    `Resend OpenAPI ${RESEND_OPENAPI_VERSION} (${RESEND_OPENAPI_COMMIT.slice(0, 7)}): ` +
      `${resend.requests} requests, ${resend.responses} responses checked, ${resend.findings.length} findings.`,
    ...(ok
      ? []
      : [
          'The stand-ins said or accepted something the real services would not:',
          describeFindings([...stripe.findings, ...resend.findings]),
          `Full report: ${reportFile}`,
        ]),
  ].join('\n')
  return { ok, summary }
}
