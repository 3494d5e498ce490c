import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { randomUUID } from 'node:crypto'
import { createLocalReq } from 'payload'

/** The part of a Drizzle transaction the plugin uses: raw statements for locks. */
type SqlExecutor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }> }

type TransactionSession = {
  db: SqlExecutor
  resolve: () => Promise<void>
  reject: () => Promise<void>
}

/** What `@payloadcms/db-postgres` (and any Drizzle-based adapter) exposes on `payload.db`. */
type DrizzleAdapter = {
  drizzle: SqlExecutor & {
    transaction: (work: (tx: SqlExecutor) => Promise<void>, options?: unknown) => Promise<void>
  }
  sessions: Record<string, TransactionSession>
  transactionOptions?: unknown
  tables: Record<string, Record<string, unknown>>
  tableNameMap: Map<string, string>
}

function drizzleAdapterOf(payload: Payload): DrizzleAdapter {
  const adapter = payload.db as unknown as Partial<DrizzleAdapter>
  if (!adapter.drizzle || !adapter.sessions || !adapter.tables || !adapter.tableNameMap) {
    throw new Error(
      'The storefront plugin needs a SQL database adapter built on Drizzle (@payloadcms/db-postgres): ' +
        'it stores each Stripe event and its effect in one transaction and locks purchases while their status changes.',
    )
  }
  return adapter as DrizzleAdapter
}

/** Thrown inside the transaction's callback so Drizzle rolls it back. */
class RollBack extends Error {}

/**
 * Runs `work` in ONE database transaction and resolves only once its COMMIT succeeded.
 *
 * Why not Payload's own transactions: `@payloadcms/drizzle`'s commitTransaction swallows a failed
 * COMMIT (a deferred constraint, a serialisation failure, the server going away), so a Local API
 * call resolves as if its write were stored (upstream PRs #17726/#17727). Here the transaction is
 * opened through the adapter's Drizzle instance and registered as a Payload transaction session,
 * so every Local API call made with the `req` passed to `work` joins it (hooks and queued jobs
 * included), while the COMMIT's outcome stays ours to see: a failed COMMIT rejects.
 *
 * Every Local API call inside `work` must pass that `req`; one without it would use another pool
 * connection and commit on its own.
 * @throws the error of `work`, or the COMMIT's error; either way nothing was stored
 */
export async function inDurableTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> {
  const adapter = drizzleAdapterOf(payload)
  const id = randomUUID()
  let finish!: (commit: boolean) => void
  let opened!: () => void
  const ready = new Promise<void>((resolve) => (opened = resolve))
  const settled = adapter.drizzle.transaction(async (tx) => {
    const decision = new Promise<boolean>((resolve) => (finish = resolve))
    adapter.sessions[id] = {
      db: tx,
      // Payload ends a session it did not open only on failure (killTransaction → reject).
      resolve: async () => finish(true),
      reject: async () => finish(false),
    }
    opened()
    if (!(await decision)) throw new RollBack('rolled back')
  }, adapter.transactionOptions)
  // BEGIN failing (no connection) rejects `settled` before the session exists.
  await Promise.race([ready, settled])

  const req = await createLocalReq({}, payload)
  req.transactionID = id
  let result: T
  try {
    result = await work(req)
    // A Local API call that failed inside `work` rolls the whole transaction back and unsets
    // req.transactionID; carrying on would write outside any transaction.
    if (req.transactionID !== id || !adapter.sessions[id]) {
      throw new Error('A step of the transaction failed and rolled it back; nothing was stored.')
    }
  } catch (error) {
    if (adapter.sessions[id]) {
      delete adapter.sessions[id]
      finish(false)
    }
    await settled.catch(() => {})
    throw error
  }
  delete adapter.sessions[id]
  finish(true)
  await settled // rejects when COMMIT fails: the caller must not report success
  return result
}

function transactionOf(payload: Payload, req: PayloadRequest): SqlExecutor {
  const session =
    typeof req.transactionID === 'string' || typeof req.transactionID === 'number'
      ? drizzleAdapterOf(payload).sessions[req.transactionID]
      : undefined
  if (!session) throw new Error('Locks are taken inside inDurableTransaction only.')
  return session.db
}

/**
 * Serialises everyone working on the same keys (a checkout session, a payment intent) until this
 * transaction ends. Keys are locked in the order given; callers pass them in one fixed order.
 */
export async function lockKeys(req: PayloadRequest, ...keys: string[]): Promise<void> {
  const tx = transactionOf(req.payload, req)
  for (const key of keys) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`storefront:${key}`}, 0))`)
  }
}

/**
 * Locks one row of a collection (SELECT … FOR UPDATE) until this transaction ends and returns the
 * named columns as stored now, so a decision based on them cannot be overtaken by another writer.
 * @returns null when no such row exists
 */
export async function lockRow({
  req,
  collectionSlug,
  id,
  columns,
}: {
  req: PayloadRequest
  collectionSlug: string
  id: number | string
  columns: string[]
}): Promise<null | Record<string, unknown>> {
  const table = tableOfCollection(req.payload, collectionSlug)
  const selected = sql.join(
    columns.map((column) => sql`${table[column]} as ${sql.identifier(column)}`),
    sql`, `,
  )
  const { rows } = await transactionOf(req.payload, req).execute(
    sql`select ${selected} from ${table} where ${table.id} = ${id} for update`,
  )
  return (rows[0] as Record<string, unknown> | undefined) ?? null
}

/** A collection's Drizzle table, whose columns render as their real (prefixed, quoted) names. */
export function tableOfCollection(
  payload: Payload,
  collectionSlug: string,
): Record<string, ReturnType<typeof sql>> & Record<string, unknown> {
  const adapter = drizzleAdapterOf(payload)
  const tableName = adapter.tableNameMap.get(collectionSlug.replace(/-/g, '_'))
  const table = tableName ? adapter.tables[tableName] : undefined
  if (!table) throw new Error(`No table for collection "${collectionSlug}".`)
  return table as Record<string, ReturnType<typeof sql>> & Record<string, unknown>
}

/**
 * Runs one statement on its own (autocommit), outside any transaction: for the few writes on a hot
 * path where one round trip must do what several Local API calls would.
 */
export async function executeStatement(
  payload: Payload,
  statement: ReturnType<typeof sql>,
): Promise<unknown[]> {
  const { rows } = await drizzleAdapterOf(payload).drizzle.execute(statement)
  return rows
}
