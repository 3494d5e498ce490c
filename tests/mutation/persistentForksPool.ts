import type { PoolOptions, PoolRunnerInitializer, PoolWorker, WorkerRequest } from 'vitest/node'

import { ForksPoolWorker } from 'vitest/node'

type Listener = (...args: unknown[]) => void
type WorkerMessage = { type?: string; __vitest_worker_response__?: boolean }

/**
 * Stryker runs Vitest once per mutant, and Vitest 4 ends its worker process after every run, so
 * each mutant paid for importing Payload and starting it again (about 5 s) before its first test.
 * This pool keeps one worker process for the whole Stryker run: the runner's "stop" is answered
 * here instead of tearing the process down, so modules from node_modules and the Payload instance
 * (cached by getPayload) stay loaded. Mutants are switched by Stryker's global at run time
 * (mutant schemata), which a loaded module still reads; static mutants are ignored
 * (stryker.config.json), since a loaded module never runs its top level again.
 */
class SharedProcess {
  readonly worker: ForksPoolWorker
  private started: Promise<void> | undefined
  /** The run the process is busy with: a run cancelled by Vitest's bail still finishes in it. */
  private running: Promise<void> | undefined
  private finishRun: (() => void) | undefined

  constructor(options: PoolOptions) {
    this.worker = new ForksPoolWorker(options)
  }

  async start(): Promise<void> {
    this.started ??= this.worker.start().then(() => {
      this.worker.on('message', (message: unknown) => {
        if ((message as WorkerMessage)?.type === 'testfileFinished') this.finishRun?.()
      })
    })
    await this.started
  }

  send(message: WorkerRequest): void {
    const { type } = message as { type?: string }
    if (type === 'run' || type === 'collect') {
      this.running = new Promise((resolve) => (this.finishRun = resolve))
    }
    this.worker.send(message)
  }

  /** Resolves when the process has no run in progress. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve()
  }
}

let shared: SharedProcess | undefined

class PersistentForksWorker implements PoolWorker {
  readonly name = 'persistent-forks'
  readonly cacheFs = true
  private readonly process: SharedProcess
  private listeners: Array<[string, Listener]> = []

  constructor(options: PoolOptions) {
    shared ??= new SharedProcess(options)
    this.process = shared
  }

  on(event: string, callback: Listener): void {
    this.listeners.push([event, callback])
    this.process.worker.on(event, callback)
  }

  off(event: string, callback: Listener): void {
    this.listeners = this.listeners.filter(([e, c]) => e !== event || c !== callback)
    this.process.worker.off(event, callback)
  }

  send(message: WorkerRequest): void {
    if ((message as { type?: string }).type !== 'stop') {
      this.process.send(message)
      return
    }
    // Answered here once the process is idle: it stays for the next run, and a run it was still
    // finishing can never answer the next runner.
    const stopped: WorkerMessage = { type: 'stopped', __vitest_worker_response__: true }
    const onMessage = this.listeners.filter(([event]) => event === 'message')
    void this.process.idle().then(() => onMessage.forEach(([, callback]) => callback(stopped)))
  }

  async start(): Promise<void> {
    await this.process.start()
  }

  async stop(): Promise<void> {
    await this.process.idle()
    for (const [event, callback] of this.listeners) this.process.worker.off(event, callback)
    this.listeners = []
  }

  deserialize(data: unknown): unknown {
    return data
  }
}

export const persistentForksPool: PoolRunnerInitializer = {
  name: 'persistent-forks',
  createPoolWorker: (options) => new PersistentForksWorker(options),
}

/**
 * Stryker's Vitest runner asks for `pool: 'threads'` on the command line, which wins over a
 * project's `pool`; this plugin puts the persistent pool back after Vitest resolved the projects.
 */
export const usePersistentForksPool = {
  name: 'storefront:persistent-forks-pool',
  configureVitest({ project }: { project: { config: { pool: string; poolRunner?: unknown } } }) {
    project.config.pool = persistentForksPool.name
    project.config.poolRunner = persistentForksPool
  },
}

process.once('exit', () => {
  shared?.worker.stop().catch(() => {})
})
