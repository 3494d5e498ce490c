import { spawn } from 'node:child_process'

/** Runs a command with inherited stdio; resolves on exit 0, rejects naming the command otherwise. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
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
