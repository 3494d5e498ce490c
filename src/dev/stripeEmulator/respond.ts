import type { ServerResponse } from 'node:http'

/** The three kinds of answers the emulator gives: API JSON, the hosted page, and redirects. */
export const respond = {
  json(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
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

  html(response: ServerResponse, status: number, html: string): void {
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
