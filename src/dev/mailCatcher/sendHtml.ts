import type { ServerResponse } from 'node:http'

/**
 * Sends an inbox page. The policy forbids scripts, forms and outside fetches except images,
 * so a hostile email shown here can do nothing but look odd; the message HTML is additionally
 * confined to a `sandbox=""` iframe.
 */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  })
  res.end(html)
}
