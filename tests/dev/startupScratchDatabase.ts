import { spawn } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

export type ScratchDatabase = { url: string; drop: () => Promise<void> }

/** A fresh, empty database on the suite's PostgreSQL server, dropped by `drop()`. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const server = new URL(inject('databaseUrl'))
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  server.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: server.toString() })
  await admin.connect()
  await admin.query(`create database "${name}"`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server.toString() })
      await client.connect()
      await client.query(`drop database if exists "${name}" with (force)`)
      await client.end()
    },
  }
}

export type ScriptRun = {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
}

/**
 * Runs a TypeScript script the way npm scripts do (node_modules/.bin/tsx) and collects its output.
 * stdin stays an open pipe, like a terminal nobody types into: a prompt would wait, not cancel.
 * Killed after `timeoutMs` (then `signal` is SIGKILL).
 */
export function runTsxScript({
  args,
  env,
  timeoutMs,
  onStderr,
}: {
  args: string[]
  env: NodeJS.ProcessEnv
  timeoutMs: number
  onStderr?: (chunk: string) => void
}): Promise<ScriptRun> {
  const startedAt = Date.now()
  const child = spawn(path.resolve('node_modules/.bin/tsx'), args, {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    if (onStderr) onStderr(text)
    else stderr += text
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      child.stdin.destroy()
      resolve({ code, signal, stdout, stderr, ms: Date.now() - startedAt })
    })
  })
}

/** The environment a script gets from npm in development, pointed at `databaseUrl`. */
export function scriptEnv(
  databaseUrl: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    ...extra,
  }
  // Whatever vitest or the shell put there (e.g. --conditions) must not decide the outcome.
  delete env.NODE_OPTIONS
  delete env.VITEST
  return env as NodeJS.ProcessEnv
}
