import { spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { clearStalePostgres } from '@/dev/clearStalePostgres'
import { startEmbeddedPostgres } from '@/dev/embeddedPostgres'

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

const tempDirs: string[] = []
afterAll(() => {
  // Each cluster is some 40 MB; the servers are stopped by now.
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'storefront-pg-'))
  tempDirs.push(dir)
  return dir
}

describe('embedded PostgreSQL start-up after a crash', () => {
  it('removes a postmaster.pid whose process is gone, and says so', async () => {
    const dataDir = tempDataDir()
    const pidFile = path.join(dataDir, 'postmaster.pid')
    writeFileSync(pidFile, '999999\n/tmp/data\n1700000000\n54329\n')
    const messages: string[] = []
    await clearStalePostgres(dataDir, (line) => messages.push(line))
    expect(existsSync(pidFile)).toBe(false)
    expect(messages.join('\n')).toMatch(
      /Removing a stale .*postmaster\.pid left by a crashed run \(pid 999999 is not running\)/,
    )
  })

  it('treats a reused pid that is not postgres as stale and leaves that process alone', async () => {
    const dataDir = tempDataDir()
    const bystander = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      writeFileSync(path.join(dataDir, 'postmaster.pid'), `${bystander.pid}\n`)
      await clearStalePostgres(dataDir, () => {})
      expect(bystander.exitCode).toBeNull()
      expect(bystander.signalCode).toBeNull()
      expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false)
    } finally {
      bystander.kill()
    }
  })

  it('stops a PostgreSQL left running by a killed node process, then starts cleanly', async () => {
    const dataDir = tempDataDir()
    const port = await freePort()
    const script = path.join(tempDataDir(), 'crash.mts')
    writeFileSync(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/dev/embeddedPostgres.ts'))}\n` +
        `await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, log: () => {} })\n` +
        `console.log('ready')\nsetInterval(() => {}, 1000)\n`,
    )
    // node itself with tsx's loader (not the tsx CLI, which would leave its child behind on SIGKILL).
    const crashing = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await new Promise<void>((resolve, reject) => {
      crashing.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
      crashing.once('exit', (code) => reject(new Error(`child exited early (${code})`)))
    })
    crashing.kill('SIGKILL') // what a closed terminal or OOM kill does: postgres keeps running
    await new Promise((resolve) => crashing.once('exit', resolve))

    const messages: string[] = []
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port,
      log: (line) => messages.push(line),
    })
    try {
      expect(messages.join('\n')).toMatch(
        /PostgreSQL from an earlier run is still running \(pid \d+\); stopping it first/,
      )
      await postgres.createDatabase('after_crash')
    } finally {
      await postgres.stop()
    }
  }, 60_000)

  it('refuses to start on a port another program holds, naming the port and the way out', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as net.AddressInfo
    try {
      const error = await startEmbeddedPostgres({
        dataDir: tempDataDir(),
        port,
        log: () => {},
      }).then(
        () => undefined,
        (reason: unknown) => reason,
      )
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toMatch(
        new RegExp(
          `Port ${port} is already in use by another program.*EMBEDDED_POSTGRES_PORT.*DATABASE_URL`,
        ),
      )
    } finally {
      blocker.close()
    }
  })
})

async function sessionCount(url: string, where: string): Promise<number> {
  const observer = new pg.Client({ connectionString: url })
  await observer.connect()
  try {
    const { rows } = await observer.query<{ count: number }>(
      `select count(*)::int as count from pg_stat_activity where pid <> pg_backend_pid() and ${where}`,
    )
    return rows[0].count
  } finally {
    await observer.end()
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(100)
  }
  return false
}

describe('embedded PostgreSQL never keeps a start-up waiting on something gone', () => {
  it('ends the session of a client that died while its query waited for a lock', async () => {
    const postgres = await startEmbeddedPostgres({
      dataDir: tempDataDir(),
      port: await freePort(),
      log: () => {},
    })
    const holder = new pg.Client({ connectionString: postgres.urlFor('postgres') })
    try {
      const url = postgres.urlFor('postgres')
      await holder.connect()
      await holder.query('create table held (id int)')
      await holder.query('begin')
      await holder.query('lock table held in access exclusive mode')
      // A script killed (or giving up) while its query waits for that lock.
      const doomed = spawn(process.execPath, [
        '-e',
        `const { Client } = require('pg')
         const client = new Client({ connectionString: ${JSON.stringify(url)}, application_name: 'doomed-client' })
         client.connect().then(() => client.query('select * from held'))`,
      ])
      const waiting = await waitUntil(
        async () =>
          (await sessionCount(
            url,
            "application_name = 'doomed-client' and wait_event_type = 'Lock'",
          )) === 1,
        20_000,
      )
      expect(waiting).toBe(true)
      doomed.kill('SIGKILL')
      // Still holding the lock: without the connection check the dead client's backend would stay
      // queued for it, and the next run would queue behind a ghost.
      const gone = await waitUntil(
        async () => (await sessionCount(url, "application_name = 'doomed-client'")) === 0,
        10_000,
      )
      expect(gone).toBe(true)
    } finally {
      await holder.end()
      await postgres.stop()
    }
  }, 60_000)

  it('creating a database that already exists leaves no connection open', async () => {
    const postgres = await startEmbeddedPostgres({
      dataDir: tempDataDir(),
      port: await freePort(),
      log: () => {},
    })
    try {
      await postgres.createDatabase('twice')
      await postgres.createDatabase('twice')
      expect(
        await sessionCount(postgres.urlFor('postgres'), "backend_type = 'client backend'"),
      ).toBe(0)
    } finally {
      await postgres.stop()
    }
  }, 60_000)

  it('a server that exits while starting is reported with its own last words', async () => {
    const dataDir = tempDataDir()
    const port = await freePort()
    const first = await startEmbeddedPostgres({ dataDir, port, log: () => {} })
    await first.stop()
    appendFileSync(path.join(dataDir, 'postgresql.conf'), '\nbogus_setting_for_the_test = 1\n')
    // (Not `rejects.toThrow`: vitest lets that pass when the rejection is `undefined`, which is
    // exactly what embedded-postgres rejects with.)
    const error = await startEmbeddedPostgres({ dataDir, port, log: () => {} }).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(
      /Embedded PostgreSQL on port \d+ exited while starting\. Its last lines:\n.*unrecognized configuration parameter "bogus_setting_for_the_test"/,
    )
  }, 60_000)
})
