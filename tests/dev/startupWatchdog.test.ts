import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { describeDatabaseActivity } from '@/dev/describeDatabaseActivity'
import { noticeIfSlow } from '@/dev/noticeIfSlow'
import { WARN_AFTER_MS } from '@/dev/watchdog'

import {
  createScratchDatabase,
  runTsxScript,
  scriptEnv,
  type ScratchDatabase,
} from './startupScratchDatabase'

const evidenceDirs: string[] = []
afterAll(() => {
  for (const dir of evidenceDirs) rmSync(dir, { recursive: true, force: true })
})

function runFixture(mode: 'lock' | 'never', databaseUrl: string) {
  const evidenceDir = mkdtempSync(path.join(tmpdir(), 'startup-evidence-'))
  evidenceDirs.push(evidenceDir)
  const run = runTsxScript({
    args: ['tests/dev/startupStallFixture.ts', mode],
    env: scriptEnv(databaseUrl, {
      WARN_AFTER_MS: '1500',
      GIVE_UP_AFTER_MS: '9000',
      EVIDENCE_DIR: evidenceDir,
    }),
    timeoutMs: 60_000,
  })
  return { evidenceDir, run }
}

describe('the start-up watchdog', () => {
  let database: ScratchDatabase
  let holder: pg.Client
  beforeAll(async () => {
    database = await createScratchDatabase('startup_watchdog')
    holder = new pg.Client({
      connectionString: database.url,
      application_name: 'startup-test-lock-holder',
    })
    await holder.connect()
    await holder.query('create table startup_locked (id int)')
  })
  afterAll(async () => {
    await holder.end()
    await database.drop()
  })

  it('speaks within 30 s (the database query included)', () => {
    expect(WARN_AFTER_MS + 3_000).toBeLessThanOrEqual(30_000)
  })

  it('names the slow step, the lock wait and the local process holding it, saves the evidence, then gives up', async () => {
    await holder.query('begin')
    await holder.query('lock table startup_locked in access exclusive mode')
    try {
      const { evidenceDir, run } = runFixture('lock', database.url)
      const { code, stderr } = await run
      expect(code).toBe(1)
      expect(stderr).toMatch(/\[watchdog\] Stalling on purpose: still not done after [1-4]\.\d s\./)
      expect(stderr).toContain('Waiting in: reading the locked table')
      // Who waits, who holds, and which process on this machine opened the holding session.
      expect(stderr).toMatch(
        /1 waiting for a lock \(stall-fixture \[\d+\]\), held by backend \d+ \(startup-test-lock-holder, idle in transaction/,
      )
      expect(stderr).toContain(`opened by process ${process.pid}:`)
      expect(stderr).toContain('[watchdog] Stop whatever holds the lock.')
      expect(stderr).toMatch(/did not finish within 9 s; giving up/)

      const [folder] = readdirSync(evidenceDir)
      const evidence = path.join(evidenceDir, folder)
      const report = JSON.parse(readFileSync(path.join(evidence, 'node-report.json'), 'utf8'))
      expect(report.header.trigger).toBe('API')
      expect(report.javascriptStack.stack.length).toBeGreaterThan(0)
      // The client socket the stalled query waits on is among the active handles.
      expect(report.libuv.some((handle: { type: string }) => handle.type === 'tcp')).toBe(true)
      const log = readFileSync(path.join(evidence, 'log.txt'), 'utf8')
      expect(log).toMatch(/\+0 s reading the locked table/)
      expect(log).toContain('the last thing Payload said')
      const db = readFileSync(path.join(evidence, 'database.txt'), 'utf8')
      expect(db).toContain('"wait_event_type": "Lock"')
      expect(db).toContain('"relation": "startup_locked"')
    } finally {
      await holder.query('rollback')
    }
  }, 70_000)

  it('turns an await that never settles into a reported stall, not a silent exit 13', async () => {
    const { evidenceDir, run } = runFixture('never', database.url)
    const { code, stderr } = await run
    expect(code).toBe(1)
    expect(stderr).toContain('Waiting in: awaiting a promise nothing will settle')
    expect(stderr).toContain('none waits for a lock')
    const [folder] = readdirSync(evidenceDir)
    expect(existsSync(path.join(evidenceDir, folder, 'node-report.json'))).toBe(true)
  }, 70_000)

  it('says when the database does not answer at all', async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    await new Promise((resolve) => server.close(resolve))
    const activity = await describeDatabaseActivity(
      `postgres://postgres@127.0.0.1:${port}/storefront`,
      1_000,
    )
    expect(activity.summary).toMatch(
      /did not answer within 1 s \(.*ECONNREFUSED.*\); is PostgreSQL running/,
    )
  })
})

describe('noticeIfSlow', () => {
  it('says once what is still awaited and what to do, and passes the result through', async () => {
    const said: string[] = []
    const result = await noticeIfSlow(
      new Promise((resolve) => setTimeout(() => resolve('done'), 300)),
      {
        what: 'waiting for the test server',
        advice: 'Press Ctrl-C.',
        details: () => '  [server] last line',
        afterMs: 100,
        log: (line) => said.push(line),
      },
    )
    expect(result).toBe('done')
    expect(said).toEqual([
      'Still waiting for the test server after 0 s. Press Ctrl-C.\n  [server] last line',
    ])
  })

  it('stays quiet when the work is quick', async () => {
    const said: string[] = []
    await noticeIfSlow(Promise.resolve(1), {
      what: 'x',
      advice: 'y',
      afterMs: 100,
      log: (line) => said.push(line),
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(said).toEqual([])
  })
})
