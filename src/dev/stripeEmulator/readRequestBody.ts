import type { IncomingMessage } from 'node:http'

/** The raw body as text; Stripe's API bodies are small forms, so anything past 1 MiB is a mistake. */
export async function readRequestBody(
  request: IncomingMessage,
  limitBytes = 1 << 20,
): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limitBytes) throw new Error(`Request body larger than ${limitBytes} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
