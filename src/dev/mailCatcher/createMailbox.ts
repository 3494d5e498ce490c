import type { CaughtEmail } from './types'

/**
 * Received mail, in memory: the catcher is a development stand-in, and a restart emptying the
 * inbox is the behaviour people expect from one. Callers get copies, so a test that edits
 * what it read cannot change what the next reader sees.
 */
export function createMailbox() {
  const emails: CaughtEmail[] = []

  return {
    add(email: CaughtEmail): void {
      emails.push(email)
    },
    /** Newest first, like an inbox. */
    list(): CaughtEmail[] {
      return structuredClone(emails).reverse()
    },
    get(id: string): CaughtEmail | undefined {
      const email = emails.find((candidate) => candidate.id === id)
      return email && structuredClone(email)
    },
    clear(): void {
      emails.length = 0
    },
  }
}
