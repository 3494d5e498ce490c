import type { IncomingMessage } from 'node:http'

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
