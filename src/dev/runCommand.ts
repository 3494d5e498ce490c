import { spawn } from 'node:child_process'
import path from 'node:path'

/**
 * A dependency's command from node_modules/.bin, run directly: `npx` would first start npm, a
 * second or so of CPU per command on a busy machine, and put itself between us and the process
 * we signal on shutdown. Scripts run from the repository root (npm scripts always do).
 */
export function localBin(name: string): string {
  return path.resolve('node_modules/.bin', name)
}

export type CommandOptions = {
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
}

/** Runs a command with inherited stdio; resolves on exit 0, rejects naming the command otherwise. */
export function runCommand({ command, args, env = process.env }: CommandOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    child.once('error', reject)
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`"${command} ${args.join(' ')}" failed (${signal ?? `exit code ${code}`}).`),
          ),
    )
  })
}
