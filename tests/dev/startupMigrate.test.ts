import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createScratchDatabase,
  runTsxScript,
  scriptEnv,
  type ScratchDatabase,
} from './startupScratchDatabase'

describe('npm run migrate never waits on a prompt', () => {
  let database: ScratchDatabase
  beforeAll(async () => {
    database = await createScratchDatabase('startup_migrate')
  })
  afterAll(async () => {
    await database.drop()
  })

  it('migrates a fresh database, then refuses (not asks) when a dev-mode push left its marker', async () => {
    const first = await runTsxScript({
      args: ['src/dev/runMigrations.ts'],
      env: scriptEnv(database.url),
      timeoutMs: 150_000,
    })
    expect(first.code).toBe(0)

    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    await client.query("insert into payload_migrations (name, batch) values ('dev', -1)")
    await client.end()

    // stdin is an open pipe nobody writes to: Payload's "data loss, proceed?" prompt would wait
    // there until the timeout kills the script.
    const second = await runTsxScript({
      args: ['src/dev/runMigrations.ts'],
      env: scriptEnv(database.url),
      timeoutMs: 90_000,
    })
    expect(second.signal).toBeNull()
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(
      'dev-mode schema push (payload_migrations has a "batch -1" row)',
    )
    expect(second.stderr).toContain('delete from payload_migrations where batch = -1;')
  }, 250_000)
})
