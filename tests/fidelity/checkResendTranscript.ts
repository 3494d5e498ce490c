import Ajv2020, { type ErrorObject } from 'ajv/dist/2020'

import type { MailTranscriptEntry } from '@/dev/mailCatcher'

import type { Finding } from './checkStripeTranscript'
import type { RequestPolicy } from './transcripts'

import openapi from './resend-openapi-1.5.0.json'

/**
 * Resend's published API description, committed as fetched: resend/resend-openapi, `resend.json`
 * at commit fd6f395f2114e13806025f0c330921c901d62bb1 (info.version 1.5.0), MIT licence
 * (RESEND-OPENAPI-LICENSE). Upgrading: replace the file and these two constants.
 */
export const RESEND_OPENAPI_VERSION = openapi.info.version
export const RESEND_OPENAPI_COMMIT = 'fd6f395f2114e13806025f0c330921c901d62bb1'

/**
 * The description's object schemas leave `additionalProperties` open, which would let a misspelt
 * field through; Resend rejects or ignores such fields, so here every object with declared
 * properties is closed: an unknown field is a finding.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects)
  if (schema === null || typeof schema !== 'object') return schema
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]),
  ) as Record<string, unknown>
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false
  return copy
}

export type ResendLine = { source: string; requests: RequestPolicy; entry: MailTranscriptEntry }

export type ResendFidelityReport = { requests: number; responses: number; findings: Finding[] }

export function createResendChecker() {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12 plus annotations (`example`) that strict mode refuses.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false })
  ajv.addSchema({ $id: 'resend', components: closeObjects(openapi.components) })
  const compile = (name: string) => ajv.compile({ $ref: `resend#/components/schemas/${name}` })
  const sendEmailRequest = compile('SendEmailRequest')
  const sendEmailResponse = compile('SendEmailResponse')
  const idempotencyKey = openapi.paths['/emails'].post.parameters.find(
    (parameter) => parameter.name === 'Idempotency-Key',
  )!.schema
  const checkKey = ajv.compile(idempotencyKey)

  const violations = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? [])
      // oneOf's own "must match exactly one" repeats what its branches already said.
      .filter((error) => error.keyword !== 'oneOf')
      .map((error) => ({
        path: error.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        problem:
          error.keyword === 'additionalProperties'
            ? `unknown field ${JSON.stringify(error.params.additionalProperty)}`
            : (error.message ?? error.keyword),
      }))

  return {
    sendEmailRequest: (body: unknown) =>
      sendEmailRequest(body) ? [] : violations(sendEmailRequest.errors),
    sendEmailResponse: (body: unknown) =>
      sendEmailResponse(body) ? [] : violations(sendEmailResponse.errors),
    idempotencyKey: (key: string) => (checkKey(key) ? [] : violations(checkKey.errors)),
  }
}

/** Checks the bodies sent to the mail catcher (and its answers to sends) against Resend's API description. */
export function checkResendTranscript(lines: ResendLine[]): ResendFidelityReport {
  const checker = createResendChecker()
  const findings = new Map<string, Finding>()
  let requests = 0
  let responses = 0
  const report = ({
    what,
    violations,
    example,
  }: {
    what: string
    violations: Array<{ path: string; problem: string }>
    example: string
  }) => {
    for (const { path, problem } of violations) {
      const key = `${what}\u0000${path}\u0000${problem}`
      const finding = findings.get(key)
      if (finding) finding.count += 1
      else findings.set(key, { what, path, problem, count: 1, example })
    }
  }
  for (const { source, requests: policy, entry } of lines) {
    if (entry.method !== 'POST' || entry.path !== '/emails') continue
    const example = `${source}: POST /emails → ${entry.status}`
    if (entry.status === 200) {
      responses += 1
      report({
        what: 'response SendEmailResponse',
        violations: checker.sendEmailResponse(entry.response),
        example,
      })
    }
    if (policy === 'accepted' && entry.status >= 400) continue
    requests += 1
    report({
      what: 'request SendEmailRequest',
      violations: checker.sendEmailRequest(entry.body),
      example,
    })
    if (entry.idempotencyKey !== null)
      report({
        what: 'request Idempotency-Key header',
        violations: checker.idempotencyKey(entry.idempotencyKey),
        example,
      })
  }
  return { requests, responses, findings: [...findings.values()] }
}
