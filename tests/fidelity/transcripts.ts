import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { MailTranscriptEntry } from '@/dev/mailCatcher'
import type { TranscriptEntry } from '@/dev/stripeEmulator'

/**
 * Which requests in a transcript must fit the published API: `all` for the stand-ins the shop
 * talks to (every request it sends), `accepted` for a test's own stand-in, whose tests send
 * malformed requests on purpose and only need the stand-in to refuse them (anything it accepted
 * must be something the real service would accept).
 */
export type RequestPolicy = 'all' | 'accepted'

export type TranscriptLine =
  | { service: 'stripe'; source: string; requests: RequestPolicy; entry: TranscriptEntry }
  | { service: 'resend'; source: string; requests: RequestPolicy; entry: MailTranscriptEntry }

/**
 * Appends what a stand-in says to `<dir>/<source>.jsonl`, one line per entry, synchronously: test
 * files run in a worker process and the check runs in globalSetup's teardown, after every worker
 * has finished, so a file is the one place both see. Pass the result as the stand-in's
 * `transcript` option.
 */
export function transcriptWriter({
  dir,
  source,
  requests,
}: {
  dir: string
  source: string
  requests: RequestPolicy
}) {
  const file = path.join(dir, `${source.replace(/[^\w.-]+/g, '_')}.jsonl`)
  const append = (line: TranscriptLine) => appendFileSync(file, `${JSON.stringify(line)}\n`)
  return {
    stripe: (entry: TranscriptEntry) => append({ service: 'stripe', source, requests, entry }),
    resend: (entry: MailTranscriptEntry) => append({ service: 'resend', source, requests, entry }),
  }
}

export function readTranscripts(dir: string): TranscriptLine[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) =>
      readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as TranscriptLine),
    )
}
