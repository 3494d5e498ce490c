import type { Payload } from 'payload'

import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { checkoutInStripe } from './helpers/checkoutInStripe'
import { getTestPayload } from './helpers/getTestPayload'
import { runDueJobs, runJobsUntil } from './helpers/jobs'
import { failNextSends, mailTo } from './helpers/mailCatcher'
import { createProduct } from './helpers/products'
import { stripeEvent } from './helpers/stripeFixtures'
import { createUser } from './helpers/users'
import { deliver } from './helpers/webhook'

/**
 * Resend fails for a while (every send refused, through several rounds of the receipt job's
 * backoff), and for one purchase Resend accepts the receipt but the shop's write recording it
 * fails at COMMIT. After recovery every buyer has exactly one receipt: the job retries, and
 * Resend's idempotency key `purchase-receipt/<id>` turns a second send into the same email.
 */
let payload: Payload
let sql: pg.Client
let product: { id: number; slug: string }

beforeAll(async () => {
  payload = await getTestPayload()
  product = await createProduct({ title: 'Resend Outage Pack' })
  sql = new pg.Client({ connectionString: inject('databaseUrl') })
  await sql.connect()
})

afterAll(async () => {
  await sql.end()
})

const reload = (id: number) => payload.findByID({ collection: 'purchases', id })

describe('Resend is down for a while', () => {
  it('every receipt is delivered after recovery, none twice, each recorded with its Resend id', async () => {
    await runDueJobs() // receipts queued by other files first, so the outage hits these
    const buyers = await Promise.all([1, 2, 3, 4].map(() => createUser(['customer'])))
    // Four receipts, six refused sends: every first attempt fails, and two second ones.
    await failNextSends(6)
    const purchases: Array<{ id: number }> = []
    for (const buyer of buyers) {
      const session = await checkoutInStripe({
        userId: buyer.id,
        email: buyer.email,
        productSlug: product.slug,
      })
      expect((await deliver(stripeEvent('checkout.session.completed', session))).status).toBe(200)
      const { docs } = await payload.find({
        collection: 'purchases',
        where: { stripeSessionId: { equals: session.id } },
      })
      purchases.push(docs[0])
    }

    // The first buyer's receipt is accepted by Resend, but recording it fails once at COMMIT
    // (a sequence is not rolled back, so it counts the attempts across the failed transaction).
    const name = `refuse_receipt_${randomUUID().replace(/-/g, '')}`
    await sql.query(`CREATE SEQUENCE ${name}`)
    await sql.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('${name}') = 1 THEN RAISE EXCEPTION 'COMMIT refused once by a test trigger'; END IF; RETURN NULL; END $$`)
    await sql.query(`CREATE CONSTRAINT TRIGGER ${name} AFTER UPDATE ON purchases
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.id = ${purchases[0].id} AND NEW.receipt_status = 'sent')
      EXECUTE FUNCTION ${name}()`)
    try {
      await runJobsUntil(
        async () =>
          (await Promise.all(purchases.map(async ({ id }) => (await reload(id)).receipt))).every(
            (receipt) => receipt?.status === 'sent',
          ),
        { maxWaitMs: 110_000 },
      )
    } finally {
      await sql.query(`DROP TRIGGER ${name} ON purchases`)
    }
    const { rows } = await sql.query<{ last_value: string }>(`SELECT last_value FROM ${name}`)
    expect(Number(rows[0].last_value)).toBeGreaterThanOrEqual(2) // refused once, then stored

    await runDueJobs()
    for (const [index, buyer] of buyers.entries()) {
      const mail = await mailTo(buyer.email)
      expect(mail, buyer.email).toHaveLength(1)
      expect(mail[0].idempotency_key).toBe(`purchase-receipt/${purchases[index].id}`)
      expect((await reload(purchases[index].id)).receipt).toMatchObject({
        status: 'sent',
        resendId: mail[0].id,
        lastError: null,
      })
    }
  }, 120_000)
})
