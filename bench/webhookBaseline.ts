/**
 * The webhook bench's baseline (`tsx bench/webhookBaseline.ts <port> <databaseUrl> <secret>`): the
 * least a correct Stripe webhook can do. Raw body → `stripe.webhooks.constructEvent` → one
 * `INSERT … ON CONFLICT DO NOTHING` with `pg` on the shop's database → 200. No session lookup,
 * no purchase, no receipt: what the shop's endpoint is compared against.
 */
import http from 'node:http'
import pg from 'pg'
import Stripe from 'stripe'

const [port, databaseUrl, secret] = process.argv.slice(2)
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
await pool.query(
  'CREATE TABLE IF NOT EXISTS bench_webhook_events (id text PRIMARY KEY, session text NOT NULL)',
)

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    void (async () => {
      try {
        const event = Stripe.webhooks.constructEvent(
          Buffer.concat(chunks),
          String(req.headers['stripe-signature']),
          secret,
        )
        const session = (event.data.object as { id: string }).id
        await pool.query(
          'INSERT INTO bench_webhook_events (id, session) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [event.id, session],
        )
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}')
      } catch (error) {
        res.writeHead(400).end((error as Error).message)
      }
    })()
  })
})
server.listen(Number(port), '127.0.0.1', () => console.log(`baseline listening on ${port}`))
process.once('SIGTERM', () => {
  server.close()
  void pool.end()
})
