import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { inject } from 'vitest'

import { TEST_WEBHOOK_SECRET } from '../setup/TEST_WEBHOOK_SECRET'

const root = path.resolve(import.meta.dirname, '../..')

/** The environment the test process itself runs with (tests/setup/testEnv.ts), for a child. */
export function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    // The workspace plugin resolves to its source, as in `npm run payload`.
    NODE_OPTIONS: '--conditions=development',
    DATABASE_URL: inject('databaseUrl'),
    PRODUCT_FILES_DIR: inject('productFilesDir'),
    NEXT_PUBLIC_SERVER_URL: process.env.NEXT_PUBLIC_SERVER_URL ?? 'http://localhost:3000',
    STRIPE_SECRET_KEY: 'sk_test_emulator',
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(inject('stripeEmulatorPort')),
    STRIPE_API_PROTOCOL: 'http',
    RESEND_API_KEY: 're_test_suite',
    RESEND_BASE_URL: inject('mailCatcherUrl'),
    EMAIL_FROM: 'Test Shop <shop@test.example>',
    STORE_NAME: 'Test Shop',
    JOBS_AUTORUN: 'false',
    ...overrides,
  }
}

export type RunningChild = {
  child: ChildProcess
  /** Everything it printed so far (for failure messages). */
  output: () => string
  /** SIGTERM, then waits for it to exit. */
  stop: () => Promise<void>
}

/**
 * Starts `node <args>` in the repository (a real process) and resolves once its output matches
 * `ready`. Rejects with its output when it exits first or takes longer than `timeoutMs`.
 */
export async function startChild({
  args,
  env,
  ready,
  timeoutMs = 60_000,
}: {
  args: string[]
  env: NodeJS.ProcessEnv
  ready: RegExp
  timeoutMs?: number
}): Promise<RunningChild> {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'pipe' })
  let output = ''
  const exited = once(child, 'exit')
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${args.join(' ')} not ready after ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (ready.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(([code, signal]) => {
      clearTimeout(timer)
      reject(new Error(`${args.join(' ')} exited (${code ?? signal}) before ready:\n${output}`))
    })
  })
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** `npm run worker`'s command (Payload's `payload run src/worker.ts`), as a child process. */
export function startWorker(env: Record<string, string> = {}): Promise<RunningChild> {
  return startChild({
    args: ['node_modules/payload/bin.js', 'run', 'src/worker.ts'],
    // A worker also queues the scheduled sweep; at a quarter hour it would take that job too, and
    // the worker tests count the jobs a worker holds. The schedule has tests of its own.
    env: childEnv({ RECONCILIATION_EVERY_MINUTES: 'off', ...env }),
    ready: /Jobs worker \d+ is running/,
  })
}

/** An app instance (tests/instances/serveRest.ts) as a child process, and its URL. */
export async function startAppInstance(
  env: Record<string, string> = {},
): Promise<RunningChild & { url: string }> {
  const running = await startChild({
    args: ['node_modules/payload/bin.js', 'run', 'tests/instances/serveRest.ts'],
    env: childEnv(env),
    ready: /App instance \d+ listening on http:\/\/127\.0\.0\.1:\d+/,
  })
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(running.output())![1]
  return { ...running, url }
}
