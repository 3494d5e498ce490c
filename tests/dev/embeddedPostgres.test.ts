import { spawn } from 'node:child_process'
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { clearStalePostgres } from '@/dev/clearStalePostgres'
import { startEmbeddedPostgres } from '@/dev/embeddedPostgres'

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'storefront-pg-'))
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
      await expect(
        startEmbeddedPostgres({ dataDir: tempDataDir(), port, log: () => {} }),
      ).rejects.toThrow(
        new RegExp(
          `Port ${port} is already in use by another program.*EMBEDDED_POSTGRES_PORT.*DATABASE_URL`,
        ),
      )
    } finally {
      blocker.close()
    }
  })
})
