import type { IncomingMessage, ServerResponse } from 'node:http'

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

/** The three kinds of answers the emulator gives: API JSON, the hosted page, and redirects. */
export const respond = {
  json(
    response: ServerResponse,
    {
      status,
      body,
      headers = {},
    }: { status: number; body: unknown; headers?: Record<string, string> },
  ): void {
    // Stripe pretty-prints its JSON; keeping that makes `curl` output and recorded bodies readable.
    const text = JSON.stringify(body, null, 2)
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, no-store',
      ...headers,
    })
    response.end(text)
  },

  html(response: ServerResponse, { status, html }: { status: number; html: string }): void {
    response.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    response.end(html)
  },

  redirect(response: ServerResponse, location: string): void {
    response.writeHead(303, { Location: location })
    response.end()
  },
}
