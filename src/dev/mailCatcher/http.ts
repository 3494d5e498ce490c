import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Reads a request body as UTF-8, or resolves null once it passes `limitBytes`. Past the limit
 * the rest is still drained (not buffered), so the response can go out on a healthy
 * keep-alive connection instead of a reset one.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limitBytes) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > limitBytes ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function sendJson(
  res: ServerResponse,
  { status, body: value }: { status: number; body: unknown },
): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

/**
 * Sends an inbox page. The policy forbids scripts, forms and outside fetches except images,
 * so a hostile email shown here can do nothing but look odd; the message HTML is additionally
 * confined to a `sandbox=""` iframe.
 */
export function sendHtml(
  res: ServerResponse,
  { status, html }: { status: number; html: string },
): void {
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
