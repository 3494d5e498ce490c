/**
 * The baseline the download endpoint is measured against: a bare Node HTTP server streaming one
 * file with the same 1 MiB reads, and nothing else (no auth, no database, no framework).
 * `tsx bench/bareServer.ts <port> <file>`
 */
import { createReadStream, statSync } from 'node:fs'
import http from 'node:http'

const [port, file] = process.argv.slice(2)
const size = statSync(file).size

http
  .createServer((_request, response) => {
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(size),
    })
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(response)
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`bare node server on ${port}`))
